using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>Disables the puppet agent so it cannot apply the old release's manifests during the upgrade.</summary>
public sealed record PuppetDisableStep
{
    public const string Name = "puppet-disable";

    public static StepKind Kind { get; } = new(Name);
}
