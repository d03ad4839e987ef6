using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Extracts a node's /etc backup tarball back in place, its sha256 checked first.</summary>
public sealed record ConfigRestoreStep
{
    public const string Name = "config-restore";

    public static StepKind Kind { get; } = new(Name);
}
