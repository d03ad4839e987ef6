using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>
/// A rollback's /etc: the node's configuration tarball (made by the run's etc-backup step) extracted back in place, its
/// sha256 checked against the one recorded beside it first, so a damaged archive never half-overwrites /etc. A node whose
/// backup found none of the directories has nothing to restore.
/// </summary>
public sealed class ConfigRestoreHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [ConfigArchive.Query(NodeFile(step)) + "   # the recorded and the actual sha256 must match", ConfigArchive.Extract(NodeFile(step))];

    private static string NodeFile(PlanStep step) => ConfigRestoreStep.Read(step).Backup.NodeFile;

    private static string Directories(PlanStep step) => string.Join(' ', ConfigRestoreStep.Read(step).Backup.Directories);

    protected override Task<bool> IsDoneOnAsync(StepContext context, string node) => Task.FromResult(false);

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var file = NodeFile(context.Step);
        var sums = (await context.RunAsync(node, ConfigArchive.Query(file)).ConfigureAwait(false)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sums.Length == 0)
        {
            context.Report($"{node}: no {file}: the run's backup found none of {Directories(context.Step)}, nothing to restore");
            return;
        }
        if (sums.Length != 2 || sums[0] != sums[1])
        {
            throw new StepFailedException($"on {node}: {file} does not match the sha256 recorded beside it: not extracted; " +
                "restore /etc from the copy uplift keeps in its state directory (backups/…/etc)");
        }
        await context.RunCheckedAsync(node, ConfigArchive.Extract(file)).ConfigureAwait(false);
        context.Report($"{node}: {Directories(context.Step)} restored from {file} (sha256 {sums[0][..12]})");
    }

    protected override Task VerifyOnAsync(StepContext context, string node) => Task.CompletedTask;
}
