using Uplift.Planning;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>Smoke test through the APIs once the upgrade is done (read-only).</summary>
public sealed record PostCheckStep
{
    public const string Name = "post-check";

    public static StepKind Kind { get; } = new(Name);
}
