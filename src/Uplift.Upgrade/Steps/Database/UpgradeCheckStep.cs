using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The service's own "*-status upgrade check" (read-only; warnings are shown, failures stop the
/// run).</summary>
public sealed record UpgradeCheckStep
{
    public const string Name = "upgrade-check";

    public static StepKind Kind { get; } = new(Name);
}
