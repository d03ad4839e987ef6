using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Points the node's APT sources at the target release.</summary>
public sealed record AptSourcesStep
{
    public const string Name = "apt-sources";

    public static StepKind Kind { get; } = new(Name);
}
