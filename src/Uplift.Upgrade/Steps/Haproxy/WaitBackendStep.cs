using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Waits until an API answers on the node's own address (before its server goes back into
/// HAProxy).</summary>
public sealed record WaitBackendStep
{
    public const string Name = "wait-backend";

    public static StepKind Kind { get; } = new(Name);
}
