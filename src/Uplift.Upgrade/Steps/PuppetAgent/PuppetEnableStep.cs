using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>Enables the puppet agent again.</summary>
public sealed record PuppetEnableStep
{
    public const string Name = "puppet-enable";

    public static StepKind Kind { get; } = new(Name);
}
