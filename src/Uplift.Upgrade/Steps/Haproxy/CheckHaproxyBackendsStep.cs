using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Every controller is a server of every API backend in every HAProxy (read-only).</summary>
/// <param name="HaproxyNodes">The controllers whose HAProxy is asked, the planned VIP holder first.</param>
/// <param name="Servers">"backend/server" pairs each HAProxy must have.</param>
/// <param name="Sudo">The admin socket is reached through sudo.</param>
public sealed record CheckHaproxyBackendsStep(string Socket, IReadOnlyList<string> HaproxyNodes, IReadOnlyList<string> Servers, bool Sudo = false)
    : IStepArguments<CheckHaproxyBackendsStep>
{
    public const string Name = "check-haproxy-backends";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(
        ("socket", Socket), ("haproxy-nodes", StepArguments.Words(HaproxyNodes)), ("servers", StepArguments.Words(Servers)),
        ("sudo", StepArguments.Flag(Sudo)));

    public static CheckHaproxyBackendsStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("socket"), HaproxyDrainStep.HaproxyNodesOf(step), arguments.Words("servers"), arguments.Flag("sudo"));
    }
}
