using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Every controller is a server of every API backend in every HAProxy (read-only).</summary>
public sealed record CheckHaproxyBackendsStep
{
    public const string Name = "check-haproxy-backends";

    public static StepKind Kind { get; } = new(Name);
}
