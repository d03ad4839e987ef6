using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Drains a server out of one backend in every controller's HAProxy and waits until it holds no session
/// and no queue.</summary>
/// <param name="HaproxyNodes">The controllers whose HAProxy the server is drained in, the planned VIP holder first.</param>
/// <param name="TimeoutSeconds">How long the sessions may take to end (inventory haproxy.drain_timeout).</param>
/// <param name="Sudo">The admin socket is reached through sudo.</param>
public sealed record HaproxyDrainStep(
    string Backend, string Server, string Socket, IReadOnlyList<string> HaproxyNodes,
    int TimeoutSeconds = HaproxyDrainStep.DefaultTimeoutSeconds, bool Sudo = false) : IStepArguments<HaproxyDrainStep>
{
    public const string Name = "haproxy-drain";

    /// <summary>A plan written before drains carried their timeout waits this long.</summary>
    public const int DefaultTimeoutSeconds = 60;

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(
        ("backend", Backend), ("server", Server), ("socket", Socket), ("haproxy-nodes", StepArguments.Words(HaproxyNodes)),
        ("timeout", StepArguments.Number(TimeoutSeconds)), ("sudo", StepArguments.Flag(Sudo)));

    public static HaproxyDrainStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("backend"), arguments.Required("server"), arguments.Required("socket"), HaproxyNodesOf(step),
            arguments.Number("timeout", DefaultTimeoutSeconds), arguments.Flag("sudo"));
    }

    /// <summary>"haproxy-nodes", an older plan's single "haproxy-node", else the step's node.</summary>
    internal static IReadOnlyList<string> HaproxyNodesOf(PlanStep step) =>
        new StepArguments(step).Words("haproxy-nodes") is { Count: > 0 } nodes ? nodes
            : [step.Argument("haproxy-node") ?? step.Nodes[0]];
}
