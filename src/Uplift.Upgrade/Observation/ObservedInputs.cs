using Uplift.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>What the nodes showed that a plan is made from, in the form plan inputs record it.</summary>
/// <param name="Alternatives">See <see cref="PlanOptions.Alternatives"/>.</param>
/// <param name="HypervisorUpgrades">See <see cref="PlanOptions.HypervisorUpgrades"/>.</param>
public sealed record ObservedInputs(string Alternatives, string HypervisorUpgrades)
{
    public PlanOptions Into(PlanOptions options) => options with { Alternatives = Alternatives, HypervisorUpgrades = HypervisorUpgrades };
}
