using Uplift.Catalog;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>A small real lab (2 controllers, 1 network, 1 compute, 1 volume) for the tests of one class;
/// removed afterwards. Runs as root; uses 127.0.10.1-5 and the VIP 127.0.10.250.</summary>
public class LabFixture : IAsyncLifetime
{
    public LabFixture() => State = Path.Combine(StateParent, "uplift-lab-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string State { get; }

    /// <summary>Where the state directory is made.</summary>
    protected virtual string StateParent => Path.GetTempPath();

    /// <summary>The account the tests log in as on the nodes.</summary>
    protected virtual string User => LabLayout.Account;

    public LabLayout Lab { get; private set; } = null!;

    public LabPaths Paths => Lab.Paths;

    /// <summary>The release after the lab's: what an upgrade in the tests goes to.</summary>
    public Release Next => Lab.Catalog.Releases[Lab.IndexOf(Lab.Release) + 1];

    public async Task InitializeAsync()
    {
        await WaitForNoOtherLabAsync();
        Lab = await LabBuilder.UpAsync(Options(State), CatalogLoader.LoadEmbedded(), TimeProvider.System, TextWriter.Null, CancellationToken.None);
    }

    /// <summary>The lab this fixture builds in <paramref name="state"/>.</summary>
    protected virtual LabOptions Options(string state) =>
        new(Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05, MigrationRows: 2500);

    public Task DisposeAsync() => LabTeardown.DownAsync(State, TimeProvider.System, TextWriter.Null, CancellationToken.None);

    /// <summary>One lab at a time on a machine (one account, the 127.0.10.x addresses): other test projects may
    /// have one up (they run one after another in CI; side by side while developing), so wait a while for it.</summary>
    public static async Task WaitForNoOtherLabAsync()
    {
        if (await LabTeardown.LeftBehindAsync(CancellationToken.None) is { } leftBehind)
        {
            // A lab of an earlier test run that was killed (nothing of it runs): taken down, not waited for.
            await LabTeardown.DownAsync(leftBehind, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        while (await LabTeardown.AccountExistsAsync(CancellationToken.None))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the {LabLayout.Account} account exists: another lab is up; run 'uplift lab down' for it before these tests");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    public LabNode Node(string name) => Lab.Nodes.Single(n => n.Name == name);

    /// <summary>Runs a command on a node the way any SSH tool would: the lab key, pinned host keys, real sshd.</summary>
    public Task<LocalProgram.Result> SshAsync(string node, string command) => Ssh(Paths, Node(node).Address, command, user: User);

    /// <summary>Runs a command on a node and fails the test, with the node's error output, if it fails.</summary>
    public async Task<LocalProgram.Result> SucceedAsync(string node, string command)
    {
        var result = await SshAsync(node, command);
        result.ExitCode.ShouldBe(0, $"{node}: {command}: {result.Error}{result.Output}");
        return result;
    }

    public static Task<LocalProgram.Result> Ssh(LabPaths paths, string address, string command, string? knownHosts = null, string user = LabLayout.Account) =>
        LocalProgram.RunAsync("ssh", ["-i", paths.PrivateKey, "-o", $"UserKnownHostsFile={knownHosts ?? paths.KnownHosts}",
            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", $"{user}@{address}", command]);

    /// <summary>Points the node's APT sources at the next release and runs apt-get update, as Uplift's prepare phase does
    /// (the node sees its own /etc/apt: its etc/ overlays /etc in its sshd's mount namespace).</summary>
    public async Task SwitchToNextReleaseAsync(string node)
    {
        var sources = Lab.Catalog.Apt.ContentFor(Next).Replace(Catalog.AptSettings.Codename, "bookworm", StringComparison.Ordinal);
        var result = await SshAsync(node, $"printf '%s' '{sources}' > {Lab.Catalog.Apt.SourcesFile} && apt-get update");
        result.ExitCode.ShouldBe(0, result.Error);
    }
}
