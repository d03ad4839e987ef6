using Uplift.Catalog;
using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Runs `nova-manage db online_data_migrations --max-count N` (or cinder's, placement's) until done. Exit codes
/// (openstack/nova doc/source/cli/nova-manage.rst, "db online_data_migrations"): 0 nothing left; 1 some rows
/// migrated, run again; 2 migrations raised and made no progress, intervention needed; 127 bad input.
/// </summary>
/// <param name="maxBatches">Runs allowed while the command keeps exiting 1.</param>
/// <param name="pause">Wait between batches, to spare the database on a live cloud.</param>
public sealed class OnlineMigrations(IRemoteShell shell, TimeProvider clock, int maxBatches = 1000, TimeSpan? pause = null, TimeSpan? timeout = null)
{
    public static ExitCodes ExitCodes { get; } = new(new Dictionary<int, ExitMeaning>
    {
        [0] = ExitMeaning.Done,
        [1] = ExitMeaning.Again,
        [2] = ExitMeaning.Failure,
        [127] = ExitMeaning.BadInput,
    });

    public async Task<OnlineMigrationReport> RunAsync(string command, CancellationToken cancellationToken = default)
    {
        for (var batch = 1; ; batch++)
        {
            var result = await shell.RunAsync(new RemoteCommand(command, timeout), cancellationToken);
            var report = Judge(command, batch, result, shell.Node);
            if (report is not null)
            {
                return report;
            }
            if (batch >= maxBatches)
            {
                var last = Table(result.StandardOutput);
                return new(OnlineMigrationOutcome.BatchesExhausted, batch, last, [],
                    $"{command} on {shell.Node} still has rows to migrate after {batch} batches ({last.Sum(m => m.RowsLeft)} rows left in the last): run it again or raise the batch limit");
            }
            if (pause is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The report after one batch, or null when another batch should run. Pure. An exit 1 only counts as progress
    /// when the summary table shows migrated rows: a Python crash also exits 1.
    /// </summary>
    public static OnlineMigrationReport? Judge(string command, int batch, CommandResult result, string node)
    {
        var table = Table(result.StandardOutput);
        var errors = OnlineMigrationTable.Errors(result.StandardOutput);
        var where = $"{command} on {node}";
        if (result.Unreachable || result.TimedOut)
        {
            return new(OnlineMigrationOutcome.Failed, batch, table, errors, $"{where}: {DatabaseNode.Describe(result)}");
        }
        return ExitCodes.Meaning(result.ExitCode) switch
        {
            // Exit 0 is "no (further) updates are possible", not "nothing left": rows the service matched but could not
            // migrate are named (real Gazpacho nova: populate_instance_compute_id, 1 row needed, 0 completed, exit 0).
            ExitMeaning.Done => new(OnlineMigrationOutcome.Done, batch, table, errors, $"{where}: online migrations complete after {batch} batch(es)"
                + (table.Any(m => m.RowsLeft > 0)
                    ? $"; the service could not migrate {string.Join(", ", table.Where(m => m.RowsLeft > 0).Select(m => $"{m.Migration} ({m.RowsLeft} rows)"))}, which stay for its next upgrade's checks"
                    : "")),
            ExitMeaning.Again when table.Sum(m => m.Completed) > 0 => null,
            ExitMeaning.Again => new(OnlineMigrationOutcome.Failed, batch, table, errors,
                $"{where} exited 1 but its summary shows no migrated rows: {DatabaseNode.Describe(result)}"),
            ExitMeaning.BadInput => new(OnlineMigrationOutcome.BadInput, batch, table, errors,
                $"{where} exited 127 (bad input, e.g. --max-count below 1): fix the command in the catalog"),
            _ => new(OnlineMigrationOutcome.Failed, batch, table, errors,
                $"{where} failed (exit {result.ExitCode})"
                + (errors.Count > 0 ? $"; migrations raising: {string.Join(", ", errors)}" : "")
                + $"; {table.Sum(m => m.RowsLeft)} rows left; see the service's log"),
        };
    }

    private static IReadOnlyList<MigrationProgress> Table(string output)
    {
        try
        {
            return OnlineMigrationTable.Parse(output);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
