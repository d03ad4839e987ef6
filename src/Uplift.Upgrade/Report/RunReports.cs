using System.Text;
using Uplift.Database;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Files;
using Uplift.Planning;

namespace Uplift.Upgrade.Report;

/// <summary>
/// Where a cluster's reports live and how one is made: `STATE/reports/CLUSTER/run-ID.html` (0600, folders 0700) from the
/// journal's latest run, the extras that run kept beside it (`run-ID.json`: releases at its start, the probe), and the
/// newest backup manifest under `STATE/backups/CLUSTER`. Every run writes its report when it ends; `uplift report` writes
/// it again, or elsewhere.
/// </summary>
public static class RunReports
{
    public static string Folder(StateDirectory state, string cluster) => state.ReportsOf(cluster);

    public static string ExtrasPath(StateDirectory state, string cluster, long runId) => Path.Combine(Folder(state, cluster), $"run-{runId}.json");

    public static async Task KeepExtrasAsync(StateDirectory state, string cluster, long runId, RunReport.RunExtras extras)
    {
        CreateFolders(state, cluster);
        await PrivateFile.WriteAllTextAsync(ExtrasPath(state, cluster, runId), RunReport.ExtrasToJson(extras)).ConfigureAwait(false);
    }

    /// <summary>Writes the report of the cluster's latest run to <paramref name="output"/> (default: its place in the state
    /// directory) and returns the path.</summary>
    /// <exception cref="InputException">No journal or no run of the cluster.</exception>
    public static async Task<string> WriteAsync(StateDirectory state, string cluster, string? output = null)
    {
        var journalPath = state.JournalOf(cluster);
        if (!File.Exists(journalPath))
        {
            throw new InputException($"no journal of cluster '{cluster}' in {state.Path}", hint: "give the --state-dir the run used, or start one with uplift run");
        }
        Plan plan;
        RunRecord run;
        IReadOnlyDictionary<string, StepRecord> steps;
        using (var journal = RunJournal.Open(journalPath))
        {
            run = journal.LatestRun() ?? throw new InputException($"no run of cluster '{cluster}' in {journal.Path}", hint: "start one with uplift run");
            plan = PlanJson.Parse(Encoding.UTF8.GetBytes(journal.PlanJson(run.PlanHash)!), $"{cluster} journal");
            steps = journal.Steps(run.PlanHash);
        }
        var extrasPath = ExtrasPath(state, cluster, run.Id);
        var extras = File.Exists(extrasPath) ? RunReport.ExtrasFromJson(await File.ReadAllTextAsync(extrasPath).ConfigureAwait(false)) : null;
        var report = RunReport.Of(plan, run, steps, extras, await NewestBackupAsync(state, cluster).ConfigureAwait(false));
        var path = output ?? Path.Combine(Folder(state, cluster), $"run-{run.Id}.html");
        if (output is null)
        {
            CreateFolders(state, cluster);
        }
        await PrivateFile.WriteAllTextAsync(path, RunReportHtml.Render(report)).ConfigureAwait(false);
        return path;
    }

    private static async Task<BackupManifest?> NewestBackupAsync(StateDirectory state, string cluster)
    {
        var folder = Path.Combine(state.Path, "backups", cluster);
        if (!Directory.Exists(folder))
        {
            return null;
        }
        var newest = Directory.EnumerateFiles(folder, BackupManifestFile.FileName, SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        try
        {
            return newest is null ? null : await BackupManifestFile.ReadAsync(newest).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            return null; // a damaged manifest: the report says no backup, `uplift backup --verify` says why
        }
    }

    private static void CreateFolders(StateDirectory state, string cluster)
    {
        PrivateFile.CreateDirectory(state.Path);
        PrivateFile.CreateDirectory(Path.Combine(state.Path, "reports"));
        PrivateFile.CreateDirectory(Folder(state, cluster));
    }
}
