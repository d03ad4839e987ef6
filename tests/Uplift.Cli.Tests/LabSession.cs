using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Planning;

namespace Uplift.Tests;

/// <summary>
/// A real lab for one test (sshd per node, HAProxy on the VIP, MariaDB, shims), taken down at the end. One lab at a
/// time on a machine (one account, the 127.0.10.x addresses): a session waits a while for another to go.
/// </summary>
internal sealed class LabSession : IAsyncDisposable
{
    private readonly bool _ownsJournals;

    private LabSession(LabLayout lab, string journals, bool ownsJournals)
    {
        Lab = lab;
        Journals = journals;
        _ownsJournals = ownsJournals;
    }

    public LabLayout Lab { get; }

    public LabPaths Paths => Lab.Paths;

    /// <summary>Uplift's state directory for the runs on this lab (journal, backups).</summary>
    public string Journals { get; }

    /// <summary>The release after the lab's: what an upgrade goes to.</summary>
    public string Next => Lab.Catalog.Releases[Lab.IndexOf(Lab.Release) + 1].Series;

    /// <summary>What uplift needs to reach the lab's keystone and nova (the compute dance, service checks).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["OS_CLIENT_CONFIG_FILE"] = Paths.CloudsYaml };

    /// <param name="journals">A state directory of Uplift's to use (kept when the lab goes down: a later lab may reuse
    /// it, as an operator who rebuilds a cluster may); by default a new one, removed with the lab.</param>
    /// <param name="stateParent">Where the lab's state directory is made (a lab of real OpenStack code needs one only
    /// root may write, e.g. /var/lib: sshd chroots into it); by default the temporary directory.</param>
    public static async Task<LabSession> UpAsync(Func<string, LabOptions> options, string? journals = null, string? stateParent = null)
    {
        var state = Path.Combine(stateParent ?? Path.GetTempPath(), "uplift-cli-lab-" + Guid.NewGuid().ToString("N")[..8]);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10);
        if (await LabTeardown.LeftBehindAsync(CancellationToken.None) is { } leftBehind)
        {
            // A lab of an earlier test run that was killed (nothing of it runs): taken down, not waited for.
            await LabTeardown.DownAsync(leftBehind, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        while (await LabTeardown.AccountExistsAsync(CancellationToken.None))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the {LabLayout.Account} account exists: another lab is up; run 'uplift lab down' for it before these tests");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        LabLayout lab;
        try
        {
            lab = await LabBuilder.UpAsync(options(state), CatalogLoader.LoadEmbedded(), TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Half up: taken down, so that the machine's next lab can come up (the exception names the unit and its log's tail).
            await LabTeardown.DownAsync(state, TimeProvider.System, TextWriter.Null, CancellationToken.None);
            throw;
        }
        return new LabSession(lab, journals ?? Directory.CreateTempSubdirectory("uplift-cli-lab-journal-").FullName, journals is null);
    }

    /// <summary>uplift run of the lab's inventory to the next release, as the README says: no environment and no --os-cloud
    /// (the lab's inventory names its clouds.yaml and cloud; the release it runs is read from the nodes).</summary>
    public Task<UpliftProcess.Outcome> UpgradeAsync(params string[] options) =>
        UpliftProcess.RunAsync(null, new Dictionary<string, string>(),
            ["run", "--inventory", Paths.Inventory, "--to", Next, "--yes", "--state-dir", Journals, .. options]);

    /// <summary>The outages the latest run's plan announced and the run went through, from its journal, as windows of the
    /// lab's probe targets (named by HAProxy backend: neutron's offline contract → "neutron").</summary>
    public IReadOnlyList<PlannedWindow> PlannedWindows()
    {
        using var journal = RunJournal.Open(new StateDirectory(Journals).JournalOf("lab"));
        var latest = journal.LatestRun().ShouldNotBeNull("the run left a journal");
        var plan = PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(journal.PlanJson(latest.PlanHash)!), "journal");
        var ran = journal.Steps(latest.PlanHash).Values
            .Where(r => r.State == StepState.Done && r.Started is not null && r.Ended is not null)
            .Select(r => (r.StepId, r.Started!.Value, r.Ended!.Value));
        return [.. PlannedOutages.Of(plan, ran).SelectMany(w => Lab.Catalog.FindService(w.Service)!.Backends
            .Select(b => new PlannedWindow(b.Name, w.From, w.To, w.Why)))];
    }

    /// <summary>Runs a command on a node as any SSH client would (the lab's key, its pinned host keys, real sshd), as the
    /// inventory's account: root on a lab of real OpenStack code.</summary>
    public Task<LocalProgram.Result> SshAsync(string node, string command) =>
        LocalProgram.RunAsync("ssh", ["-i", Paths.PrivateKey, "-o", $"UserKnownHostsFile={Paths.KnownHosts}", "-o", "StrictHostKeyChecking=yes",
            "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", $"{(Lab.Options.OpenStack ? "root" : LabLayout.Account)}@{Lab.Nodes.Single(n => n.Name == node).Address}", command]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await LabTeardown.DownAsync(Paths.State, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        catch (LabException)
        {
            // Commands of a killed run may still be ending on the nodes while the lab goes down: once more.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await LabTeardown.DownAsync(Paths.State, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        finally
        {
            if (_ownsJournals)
            {
                Directory.Delete(Journals, recursive: true);
            }
        }
    }
}
