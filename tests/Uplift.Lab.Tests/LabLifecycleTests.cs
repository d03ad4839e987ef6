using Uplift.Catalog;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>up → down → up → down on one state directory; nothing of the lab is left after down.</summary>
public class LabLifecycleTests
{
    private static readonly string State = Path.Combine(Path.GetTempPath(), "uplift-lab-lifecycle-" + Guid.NewGuid().ToString("N")[..8]);

    private static Task<LabLayout> UpAsync() => LabBuilder.UpAsync(new LabOptions(Controllers: 1, Network: 0, Computes: 1, Volumes: 0, StateDirectory: State, StartDelaySeconds: 0),
        CatalogLoader.LoadEmbedded(), TimeProvider.System, TextWriter.Null, CancellationToken.None);

    private static Task DownAsync() => LabTeardown.DownAsync(State, TimeProvider.System, TextWriter.Null, CancellationToken.None);

    private static async Task ShouldAnswerAsync(LabLayout lab)
    {
        foreach (var node in lab.Nodes)
        {
            var result = await LabFixture.Ssh(lab.Paths, node.Address, "dpkg-query -W nova-common");
            result.ExitCode.ShouldBe(0, result.Error);
            result.Output.ShouldBe("nova-common\t31.0.0-1\n");
        }
    }

    private static async Task NothingShouldBeLeftAsync(int uid)
    {
        Directory.Exists(State).ShouldBeFalse();
        // Our account is gone: the account may exist again only as another lab's (its home elsewhere).
        var account = await LocalProgram.RunAsync("getent", ["passwd", LabLayout.Account]);
        account.Output.ShouldNotContain(State);
        // By uid only while no other lab took the account (and its uid) back meanwhile; by state directory always.
        if (!await LabTeardown.AccountExistsAsync(CancellationToken.None))
        {
            LabProcesses.Snapshot().Where(p => p.Uid == uid && LabProcesses.IsAlive(p.Pid)).ShouldBeEmpty();
        }
        var mentions = Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")); } catch (IOException) { return ""; } })
            .Where(c => c.Contains(State, StringComparison.Ordinal));
        mentions.ShouldBeEmpty();
    }

    [Fact]
    public async Task GivenALab_WhenTakenDownAndUpAgain_ThenEachLabWorksAndDownLeavesNothingBehind()
    {
        await LabFixture.WaitForNoOtherLabAsync();
        try
        {
            var first = await UpAsync();
            await ShouldAnswerAsync(first);
            var uid = (await LabTeardown.AccountIdAsync(CancellationToken.None))!.Value;
            await DownAsync();
            await NothingShouldBeLeftAsync(uid);

            var second = await UpAsync();
            await ShouldAnswerAsync(second);
            uid = (await LabTeardown.AccountIdAsync(CancellationToken.None))!.Value;
            await DownAsync();
            await NothingShouldBeLeftAsync(uid);
        }
        finally
        {
            await DownAsync();
        }
    }

    [Fact]
    public async Task GivenNoLab_WhenTakenDown_ThenItSaysThereIsNothingToRemove()
    {
        var output = new StringWriter();

        await LabTeardown.DownAsync(State + "-none", TimeProvider.System, output, CancellationToken.None);

        output.ToString().ShouldContain("nothing to remove");
    }
}
