namespace Uplift.Planning;

/// <summary>One step of a plan: data only, bound to an adapter when executed.</summary>
/// <param name="Id">Stable id, e.g. "nova/ctl1/db-expand"; the journal is keyed by it.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Phase">preflight, backup, prepare, control-plane, computes, neutron-agents, finalize (prefixed by the hop's target on multi-hop plans).</param>
/// <param name="Service">The OpenStack service it belongs to, if any.</param>
/// <param name="Nodes">Nodes it acts on (one for most steps; none for milestones and cluster-wide checks).</param>
/// <param name="Arguments">Everything the adapter needs (commands, packages, backend and server names …), in a fixed order.</param>
/// <param name="Class">Concurrency class; the plan says how many steps of a class may run at once.</param>
/// <param name="Needs">Steps that must have succeeded before this one starts.</param>
/// <param name="After">Steps that must have ended (succeeded, failed or been skipped) before this one starts.</param>
/// <param name="PauseAfterSeconds">Wait this long after the step before its class slot is released (neutron pacing).</param>
/// <param name="AlwaysRun">Cleanup that runs even after a failure stopped the run (re-enable a server or a compute).
/// It runs once every step it needs has started and ended (whatever their outcome) and its After steps have ended;
/// it is skipped when none of the steps it needs ever started (nothing to undo).</param>
/// <param name="Group">Display group: the parallel set it belongs to, e.g. "nova: VIP holder ctl1".</param>
public sealed record PlanStep(
    string Id,
    StepKind Kind,
    string Phase,
    string? Service,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<KeyValuePair<string, string>> Arguments,
    string Class,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> After,
    int PauseAfterSeconds,
    bool AlwaysRun,
    string Group)
{
    public string? Argument(string name)
    {
        foreach (var (key, value) in Arguments)
        {
            if (key == name)
            {
                return value;
            }
        }
        return null;
    }

    public string? Node => Nodes.Count == 1 ? Nodes[0] : null;
}
