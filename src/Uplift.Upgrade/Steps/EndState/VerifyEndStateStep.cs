using Uplift.Planning;

namespace Uplift.Upgrade.Steps.EndState;

/// <summary>What the node runs now is the target release: packages, units, APIs (read-only, looked at again on
/// every run).</summary>
public sealed record VerifyEndStateStep
{
    public const string Name = "verify-end-state";

    public static StepKind Kind { get; } = new(Name);
}
