using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Puts a server back (state ready) in one backend in every controller's HAProxy, once its API answered.</summary>
/// <param name="HaproxyNodes">The controllers whose HAProxy the server is put back in, the planned VIP holder first.</param>
/// <param name="Sudo">The admin socket is reached through sudo.</param>
public sealed record HaproxyEnableStep(string Backend, string Server, string Socket, IReadOnlyList<string> HaproxyNodes, bool Sudo = false)
    : IStepArguments<HaproxyEnableStep>
{
    public const string Name = "haproxy-enable";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(
        ("backend", Backend), ("server", Server), ("socket", Socket), ("haproxy-nodes", StepArguments.Words(HaproxyNodes)),
        ("sudo", StepArguments.Flag(Sudo)));

    public static HaproxyEnableStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("backend"), arguments.Required("server"), arguments.Required("socket"),
            HaproxyDrainStep.HaproxyNodesOf(step), arguments.Flag("sudo"));
    }
}
