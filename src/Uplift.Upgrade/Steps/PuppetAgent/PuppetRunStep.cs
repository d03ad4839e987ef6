using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>One watched puppet agent run (the inventory says puppet manages the nodes).</summary>
public sealed record PuppetRunStep
{
    public const string Name = "puppet-run";

    public static StepKind Kind { get; } = new(Name);
}
