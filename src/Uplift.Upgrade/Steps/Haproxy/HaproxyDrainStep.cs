using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Drains a server out of one backend in every controller's HAProxy and waits until it holds no session
/// and no queue.</summary>
public sealed record HaproxyDrainStep
{
    public const string Name = "haproxy-drain";

    public static StepKind Kind { get; } = new(Name);
}
