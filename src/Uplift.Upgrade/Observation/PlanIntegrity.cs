using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// A saved plan runs only as uplift wrote it: its digest must match its content, and every node it names must be in the
/// inventory. When the digest does not match, the plan is built again from its own inputs to name the first step that differs.
/// </summary>
public static class PlanIntegrity
{
    public static void Check(Plan plan, string planFile, ClusterInventory inventory, OpenStackCatalog catalog, string hint)
    {
        var known = inventory.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = plan.Steps.SelectMany((s, i) => s.Nodes.Select(n => (Step: s.Id, Index: i, Node: n)))
            .Where(x => !known.Contains(x.Node)).Take(20).ToArray();
        if (unknown.Length > 0)
        {
            throw new InputException(unknown.Select(x =>
                new Diagnostic($"step '{x.Step}' acts on node '{x.Node}', which the inventory {inventory.Source} does not have",
                    plan.Locate(planFile, $"$.steps[{x.Index}].nodes"), hint)).ToArray());
        }
        if (plan.RecordedDigest is null)
        {
            // Where the digest belongs: after the last member.
            throw new InputException("the plan file carries no digest: uplift cannot tell it is the plan it wrote", plan.Locate(planFile, "$.steps"), hint);
        }
        var digest = PlanJson.DigestOf(plan);
        if (digest != plan.RecordedDigest)
        {
            var (difference, path) = FirstDifference(plan, inventory, catalog);
            throw new InputException($"the plan file was changed after uplift wrote it: {difference} " +
                $"(its digest says {Short(plan.RecordedDigest)}, its content is {Short(digest)})", plan.Locate(planFile, path), hint);
        }
    }

    /// <summary>What differs from the plan built again from the file's inputs, and the JSON path of where it is.</summary>
    private static (string What, string Path) FirstDifference(Plan plan, ClusterInventory inventory, OpenStackCatalog catalog)
    {
        if (plan.Inputs.Options.IsRollback)
        {
            // A rollback is planned from a journal, not from inputs alone: nothing to plan again here.
            return ("a rollback plan's content was edited; plan it again with uplift plan --rollback", "$.steps");
        }
        Plan planned;
        try
        {
            planned = Planner.Build(inventory, catalog, plan.Inputs.From, plan.Inputs.To, plan.Inputs.Options);
        }
        catch (InputException cannot)
        {
            return ($"its inputs no longer make a plan ({cannot.Diagnostics[0].Summary})", "$.inputs");
        }
        var count = Math.Min(plan.Steps.Count, planned.Steps.Count);
        for (var i = 0; i < count; i++)
        {
            if (PlanJson.StepText(plan.Steps[i]) != PlanJson.StepText(planned.Steps[i]))
            {
                return (plan.Steps[i].Id == planned.Steps[i].Id
                    ? $"step '{plan.Steps[i].Id}' differs from the step uplift plans from the same inputs"
                    : $"step {i + 1} is '{plan.Steps[i].Id}' where uplift plans '{planned.Steps[i].Id}'", $"$.steps[{i}]");
            }
        }
        if (plan.Steps.Count != planned.Steps.Count)
        {
            return ($"it has {plan.Steps.Count} steps where uplift plans {planned.Steps.Count}", $"$.steps[{count}]");
        }
        return ("its steps are as planned, but its cluster, hops, classes, inputs or digest were edited", "$.digest");
    }

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
