using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>Uplift's services-up step (pre-flight and finalize) run against a lab, for nova, neutron and cinder.</summary>
internal static class ServicesUpCheck
{
    /// <summary>Runs the real handler; returns what it reported, or throws its <see cref="StepFailedException"/>.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(ComputeCloud cloud)
    {
        var reports = new List<string>();
        var step = ComputeApiTests.Step(CheckServicesUpStep.Kind, null, ("services", "keystone nova neutron cinder")).Step;
        await new ServicesUpHandler(cloud).ActAsync(new StepContext(step, node => throw new InvalidOperationException($"no shell wanted on {node}"),
            TimeProvider.System, reports.Add, CancellationToken.None));
        return reports;
    }

    /// <summary>(node, unit) of every unit of a catalog service on the lab's nodes that <paramref name="keep"/> selects.</summary>
    public static IReadOnlyList<(string Node, string Unit)> Units(LabFixture lab, string service, Func<string, bool> keep) =>
        [.. lab.Lab.Nodes.SelectMany(n => lab.Lab.Services.Single(s => s.Name == service).UnitsOn(n.Role).Where(keep).Select(u => (n.Name, u)))];

    public static string FirstOf(LabFixture lab, Role role) => lab.Lab.Nodes.First(n => n.Role == role).Name;
}
