using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Files;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Report;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Upgrade.Run;

/// <summary>How the operator asked a run to go (uplift run and resume's switches).</summary>
/// <param name="LogJson">Every event as one JSON object per line to this file (0600), or none.</param>
/// <param name="ProbeRate">Requests a second to each public endpoint while the run goes (0: no probe).</param>
/// <param name="Fresh">Forget the journal's steps of this plan first.</param>
public sealed record RunSettings(StateDirectory State, ExecutionOptions Options, double ProbeRate = 0, bool Fresh = false, string? LogJson = null);

/// <summary>
/// One run of a plan, wired: its step handlers (<see cref="StepTable"/>, with the cloud and the backups' directory), its
/// observers (progress, the JSON event log, the planned-outage watch), the API probe, the run itself
/// (<see cref="ClusterRun"/>), and what the operator is told at its end: the API downtime, the counts, the first failure.
/// The terminal (live view or plain lines, prompt, Ctrl-C) is the caller's.
/// </summary>
public sealed class RunSession(RunSettings settings, TimeProvider time)
{
    /// <summary>What a live view draws while the run goes.</summary>
    public RunProgress Progress { get; } = new(time);

    public static StepHandlers Handlers(ComputeCloud? cloud = null, string? backups = null) => StepTable.Create(new StepServices(cloud, backups));

    /// <summary>Where a cluster's backups are kept on the operator's machine.</summary>
    public static string Backups(StateDirectory state, Plan plan) => Path.Combine(state.Path, "backups", plan.Cluster);

    /// <param name="lines">Where progress is written line by line when no live view draws <see cref="Progress"/>; null with a live view.</param>
    /// <param name="show">Runs the run inside the caller's display (a live view), or just runs it.</param>
    public async Task<RunSummary> RunAsync(
        Plan plan, string json, ClusterInventory inventory, ITransport transport, (ClusterObservation, ClusterIdentity) observed, ComputeCloud cloud,
        IOperatorPrompt prompt, RunControl control, TextWriter output, TextWriter? lines, Func<Func<Task<RunSummary>>, Task<RunSummary>> show)
    {
        await using var log = settings.LogJson is { } file ? new StreamWriter(PrivateFile.Create(file, append: true)) : null;
        var events = log is null ? null : new JsonEventLog(log);
        var runLogPath = RunLog(settings.State, plan, time.GetUtcNow());
        await using var runLog = new StreamWriter(PrivateFile.Create(runLogPath, append: true));
        var outages = new PlannedOutageWatch(plan);
        IRunObserver view = lines is null ? Progress : new RunObservers(Progress, new PlainProgressWriter(lines));
        IRunObserver[] observers = [view, new PlainProgressWriter(runLog), outages, .. events is null ? Array.Empty<IRunObserver>() : [events]];
        var observer = new RunObservers(observers);
        IRemoteShell Shell(string node) => transport.ShellFor(inventory.Find(node)
            ?? throw new StepFailedException($"node {node} of the plan is not in the inventory {inventory.Source}: plan again"));
        var run = new ClusterRun(settings.State, Handlers(cloud, Backups(settings.State, plan)), Shell, time, observer, prompt, control, settings.Options);
        await using var probe = await RunProbe.StartAsync(cloud, settings.ProbeRate, time).ConfigureAwait(false);
        var summary = await show(() => run.RunAsync(plan, json, observed, settings.Fresh)).ConfigureAwait(false);
        var downtime = await probe.ReportAsync(outages.Windows()).ConfigureAwait(false);
        events?.On(new RunEvent("message", time.GetUtcNow(), Message: downtime));
        foreach (var writer in new[] { output, runLog })
        {
            await writer.WriteLineAsync(downtime).ConfigureAwait(false);
            await writer.WriteLineAsync(Describe(summary)).ConfigureAwait(false);
        }
        await output.WriteLineAsync($"log of this run: {runLogPath}").ConfigureAwait(false);
        // The run has ended and said so: a report that cannot be written (disk full, a damaged journal) is named, never a crash.
        try
        {
            await RunReports.KeepExtrasAsync(settings.State, plan.Cluster, summary.RunId,
                new RunReport.RunExtras(observed.Item1.Nodes.ToDictionary(n => n.Node.Name, n => n.Release), probe.Summary, downtime)).ConfigureAwait(false);
            await output.WriteLineAsync($"report of this run: {await RunReports.WriteAsync(settings.State, plan.Cluster).ConfigureAwait(false)}").ConfigureAwait(false);
        }
        catch (Exception e) when (e is Diagnostics.InputException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"no report of this run: {e.Message} (uplift report writes it once the cause is fixed)").ConfigureAwait(false);
        }
        return summary;
    }

    /// <summary>Every run's own log (0600, in a 0700 folder): one line per event, as a run without a terminal prints them,
    /// then the downtime and the outcome. `logs/CLUSTER/YYYYMMDDTHHMMSSZ.log` in the state directory.</summary>
    public static string RunLog(StateDirectory state, Plan plan, DateTimeOffset started)
    {
        var folder = state.LogsOf(plan.Cluster);
        PrivateFile.CreateDirectory(state.Path);
        PrivateFile.CreateDirectory(Path.Combine(state.Path, "logs"));
        PrivateFile.CreateDirectory(folder);
        return Path.Combine(folder, started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + ".log");
    }

    /// <summary>The run's last words: its outcome, the counts, and after a failure the first one and what to do.</summary>
    public static string Describe(RunSummary s) =>
        $"run {s.RunId} {s.Outcome.ToString().ToLowerInvariant()}: {s.Count(StepState.Done)} done, {s.Count(StepState.AlreadyDone)} found done, " +
        $"{s.Count(StepState.Failed)} failed, {s.Count(StepState.Skipped)} skipped, {s.Count(StepState.Pending)} pending" +
        (s.Failure is null ? "" : $"\nfirst failure: {s.Failure}\nfix the cause, then: uplift resume (uplift status shows where it stands)");
}
