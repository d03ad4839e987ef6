using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Whether a journal may be continued on the cluster as it is now. It records which machines its plan's runs work on;
/// it is refused when the nodes are other machines (a rebuilt lab, another cluster with the same name) or when they
/// contradict it (a package the journal installed is not on the node any more). The journal says what Uplift did; the
/// nodes say what is.
/// </summary>
public static class JournalTrust
{
    /// <summary>Refuses the journal when it does not describe the cluster (read-only: callable before anything is shown).</summary>
    /// <exception cref="InputException">The journal does not describe this cluster: start afresh.</exception>
    public static void Check(RunJournal journal, Plan plan, ClusterObservation observed, ClusterIdentity identity)
    {
        var problems = new List<string>();
        if (journal.Identity(plan.InputsHash) is { } recorded)
        {
            ClusterIdentity then;
            try
            {
                then = ClusterIdentity.Parse(recorded);
            }
            catch (FormatException bad)
            {
                throw new InputException(bad.Message, new SourceLocation(journal.Path), Afresh);
            }
            problems.AddRange(then.MachinesChanged(identity).Select(c => $"not the machine the journal's run worked on: {c}"));
        }
        problems.AddRange(Contradictions(plan, journal.Steps(plan.InputsHash), observed));
        if (problems.Count > 0)
        {
            const int shown = 5;
            var more = problems.Count > shown ? $"; and {problems.Count - shown} more" : "";
            throw new InputException(
                $"the journal of plan {plan.InputsHash[..12]} does not describe this cluster as it is now ({problems.Count} differences): " +
                string.Join("; ", problems.Take(shown)) + more,
                new SourceLocation(journal.Path), Afresh);
        }
    }

    /// <summary><see cref="Check"/>, then records the machines the run works on (under the run's lock).</summary>
    public static void CheckAndRecord(RunJournal journal, Plan plan, ClusterObservation observed, ClusterIdentity identity, DateTimeOffset now)
    {
        Check(journal, plan, observed, identity);
        journal.RecordIdentity(plan.InputsHash, identity.ToJson(), now);
    }

    public const string Afresh =
        "the nodes are the truth: nothing was changed; to start this plan afresh (the journal's runs stay listed), run it again with --fresh";

    /// <summary>Install steps the journal has done whose code the node does not run now. Pure.</summary>
    public static IEnumerable<string> Contradictions(Plan plan, IReadOnlyDictionary<string, StepRecord> journal, ClusterObservation observed)
    {
        foreach (var step in plan.Steps.Where(s => s.Kind == PackagesInstallStep.Kind && s.Node is not null))
        {
            if (!journal.TryGetValue(step.Id, out var record) || !record.State.IsComplete() || observed.Find(step.Node!) is not { } node)
            {
                continue;
            }
            var target = PackageTarget.ReadOptional(step);
            foreach (var (package, major) in target?.Code ?? new Dictionary<string, int>())
            {
                if (node.Code.FirstOrDefault(c => c.Package == package) is { Version: { } version } code
                    && Catalog.CodeVersions.UpstreamMajor(version) != major)
                {
                    yield return $"{step.Id} is done in the journal ({package} {major}.x, {target!.Release}), but {node.Node.Name} runs {package} {version} ({code.Series ?? "unknown"})";
                }
            }
        }
    }
}
