using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>Disables the puppet agent so it cannot apply the old release's manifests during the upgrade.</summary>
public sealed record PuppetDisableStep(string Reason = PuppetDisableStep.DefaultReason) : IStepArguments<PuppetDisableStep>
{
    public const string Name = "puppet-disable";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("reason", Reason));

    public static PuppetDisableStep Read(PlanStep step) => new(new StepArguments(step).Optional("reason") ?? DefaultReason);

    /// <summary>The lock's reason in a plan that carries none.</summary>
    public const string DefaultReason = "uplift: OpenStack upgrade in progress";
}
