using System.Text.Json;
using Uplift.Lab;
using Uplift.OpenStack;

namespace Uplift.Tests;

/// <summary>The cluster-wide parts: schema phases, online migrations, upgrade checks, APIs behind the real HAProxy, the probe.</summary>
[Collection("lab")]
public class LabServiceTests(LabFixture lab)
{
    [Fact]
    public async Task GivenNewKeystoneCode_WhenTheSchemaIsExpandedThenContracted_ThenCheckReportsEachPhase()
    {
        await lab.SwitchToNextReleaseAsync("ctl2");
        await lab.SucceedAsync("ctl2", "apt-get install -y python3-keystone keystone");

        var before = await lab.SshAsync("ctl2", "keystone-manage db_sync --check");
        await lab.SucceedAsync("ctl2", "keystone-manage db_sync --expand");
        var expanded = await lab.SshAsync("ctl2", "keystone-manage db_sync --check");
        var oldCode = await lab.SshAsync("ctl1", "keystone-manage db_sync --check");
        await lab.SucceedAsync("ctl2", "keystone-manage db_sync --contract");
        var contracted = await lab.SshAsync("ctl2", "keystone-manage db_sync --check");

        before.ExitCode.ShouldBe(2);
        before.Output.ShouldContain("keystone-manage db_sync --expand");
        expanded.ExitCode.ShouldBe(4);
        expanded.Output.ShouldContain("keystone-manage db_sync --contract");
        oldCode.ExitCode.ShouldBe(0);
        contracted.ExitCode.ShouldBe(0);
        // ctl1 still ran the old keystone when the contract ran: the lab records it.
        (await File.ReadAllTextAsync(Path.Combine(lab.Paths.Cluster, "violations"))).ShouldContain("contract of keystone while keystone on ctl1 runs 27.0.0-1");
    }

    [Fact]
    public async Task GivenAStoppedApiUnit_WhenSystemctlStartReturns_ThenItAnswersAtOnceFromAForkOfTheSpawner_AndStopEndsIt()
    {
        var url = $"http://{lab.Node("ctl1").Address}:8000/";
        var pidFile = Path.Combine(lab.Paths.NodeRoot("ctl1"), "units", "heat-api-cfn.pid");
        await lab.SucceedAsync("ctl1", "systemctl stop heat-api-cfn");

        var stopped = await lab.SshAsync("ctl1", $"curl -s -o /dev/null --max-time 1 {url}");
        var started = await lab.SshAsync("ctl1", $"systemctl start heat-api-cfn && curl -s -o /dev/null -w '%{{http_code}}' --max-time 1 {url}");
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        var parent = (await File.ReadAllTextAsync($"/proc/{pid}/stat")).Split(") ")[1].Split(' ')[1];
        var spawner = (await File.ReadAllTextAsync(lab.Paths.ListenerSpawnerPid)).Trim();
        await lab.SucceedAsync("ctl1", "systemctl stop heat-api-cfn");
        var gone = !Directory.Exists($"/proc/{pid}");
        await lab.SucceedAsync("ctl1", "systemctl start heat-api-cfn");

        stopped.ExitCode.ShouldBe(7, "curl: connection refused while the unit is stopped");
        started.Output.ShouldBe("200");
        parent.ShouldBe(spawner);
        gone.ShouldBeTrue();
    }

    [Fact]
    public async Task GivenNewNovaCode_WhenOnlineMigrationsRunWithAMaxCount_ThenTheyReportWorkLeftInBatchesUntilNone()
    {
        await lab.SwitchToNextReleaseAsync("ctl2");
        await lab.SucceedAsync("ctl2", "apt-get install -y python3-nova nova-common");
        await lab.SucceedAsync("ctl2", "nova-manage api_db sync && nova-manage db sync");

        var codes = new List<int>();
        LocalProgram.Result run;
        do
        {
            run = await lab.SshAsync("ctl2", "nova-manage db online_data_migrations --max-count 1000");
            codes.Add(run.ExitCode);
        }
        while (run.ExitCode == 1 && codes.Count < 10);
        var again = await lab.SshAsync("ctl2", "nova-manage api_db sync && nova-manage db sync && nova-manage db online_data_migrations --max-count 1000");
        var bad = await lab.SshAsync("ctl2", "nova-manage db online_data_migrations --max-count 0");

        codes.ShouldBe([1, 1, 1, 0]);
        run.Output.ShouldContain("|            0 |         0 |");
        again.ExitCode.ShouldBe(0);
        bad.ExitCode.ShouldBe(127);
        // nova's schema changes are additive (its rolling-upgrade doc syncs with the old services running):
        // the sync above, with ctl1 on the old nova, breaks nothing.
        var violations = Path.Combine(lab.Paths.Cluster, "violations");
        (File.Exists(violations) ? await File.ReadAllTextAsync(violations) : "").ShouldNotContain("contract of nova");
    }

    [Fact]
    public async Task GivenInjectedCheckResults_WhenUpgradeCheckRuns_ThenTableJsonAndExitCodeFollowOsloUpgradecheck()
    {
        var passing = await lab.SshAsync("ctl1", "cinder-status upgrade check");
        var checks = Path.Combine(lab.Paths.Cluster, "checks", "heat");
        await File.WriteAllTextAsync(checks, "Policy File JSON to YAML Migration|1|Use YAML\nLab failure|2|The lab was told to fail this check.\n");
        try
        {
            var table = await lab.SshAsync("ctl1", "heat-status upgrade check");
            var json = await lab.SshAsync("ctl1", "heat-status upgrade check --json");

            table.ExitCode.ShouldBe(2);
            table.Output.ShouldContain("| Check: Lab failure");
            table.Output.ShouldContain("| Result: Failure");
            table.Output.ShouldContain("| Details: Use YAML");
            json.ExitCode.ShouldBe(2);
            using var document = JsonDocument.Parse(json.Output);
            document.RootElement.GetProperty("name").GetString().ShouldBe("Upgrade Check Results");
            var results = document.RootElement.GetProperty("checks").EnumerateArray()
                .Select(c => (c.GetProperty("check").GetString(), c.GetProperty("result").GetInt32())).ToList();
            results.ShouldBe([("Policy File JSON to YAML Migration", 1), ("Lab failure", 2)]);
        }
        finally
        {
            File.Delete(checks);
        }
        passing.ExitCode.ShouldBe(0);
        passing.Output.ShouldContain("| Result: Success");
        passing.Output.ShouldStartWith("+---");
    }

    [Fact]
    public async Task GivenAnUpgradedApiOnOneController_WhenAskedThroughTheVip_ThenEachControllerAnswersWithItsRunningVersion()
    {
        await lab.SwitchToNextReleaseAsync("ctl2");
        await lab.SucceedAsync("ctl2", "apt-get install -y glance-api");
        // The restart may have taken ctl2 out of HAProxy for a moment: wait until it is back in.
        await LabDaemons.WaitForBackendsAsync(lab.Lab, TimeProvider.System, TimeSpan.FromSeconds(10), CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var seen = new HashSet<(string, string)>();

        for (var i = 0; i < 200 && seen.Count < 2; i++)
        {
            using var response = await http.GetAsync(new Uri("http://127.0.10.250:9292/"));
            if (response.IsSuccessStatusCode)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                seen.Add((body.RootElement.GetProperty("node").GetString()!, body.RootElement.GetProperty("version").GetString()!));
            }
        }

        seen.ShouldBe([("ctl1", "30.0.0-1"), ("ctl2", "31.0.0-1")], ignoreOrder: true, "glance 30 is epoxy, 31 flamingo");
    }

    [Fact]
    public async Task GivenABackendStoppedWithoutDraining_WhenProbed_ThenOnlyItsFrontendCountsFailures()
    {
        using var lanes = await LabProbe.OpenAsync(lab.Lab, TimeProvider.System, CancellationToken.None);
        var probe = new ProbeRunner(lanes.Http, TimeProvider.System).RunAsync(lanes.Targets, 20, TimeSpan.FromSeconds(3), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stopped = await lab.SshAsync("ctl1", "systemctl stop heat-api");
        var summary = await probe;
        await lab.SucceedAsync("ctl1", "systemctl start heat-api");
        await LabDaemons.WaitForBackendsAsync(lab.Lab, TimeProvider.System, TimeSpan.FromSeconds(10), CancellationToken.None);

        stopped.ExitCode.ShouldBe(0);
        var heat = summary.Frontends.Single(f => f.Name == "heat");
        heat.Sent.ShouldBeGreaterThan(40);
        heat.Failures.ShouldBeGreaterThan(0);
        summary.Frontends.Where(f => f.Name != "heat").ShouldAllBe(f => f.Failures == 0);
    }
}
