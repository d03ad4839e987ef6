using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>No configuration option the target release removed is still set (read-only).</summary>
public sealed record CheckConfigOptionsStep
{
    public const string Name = "check-config-options";

    public static StepKind Kind { get; } = new(Name);
}
