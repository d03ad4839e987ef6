using Uplift.Execution.Journal;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>
/// Debian ships neutron's server as neutron-server or as neutron-api and neutron-rpc-server (catalog 'alternatives'):
/// uplift reads which a node has from its packages and upgrades, drains, stops for the offline contract and checks the
/// units that node has. A lab whose second controller has the split packages and units.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class NeutronUnitsLabTests
{
    /// <summary>Also: cmp1 has a kernel newer than the one it runs in its /boot, so it is rebooted in its own window (the
    /// lab rehearses the reboot: units stopped and started, a new boot id, the new kernel running); no other node is.</summary>
    [Fact]
    public async Task Given_a_controller_with_neutron_api_and_rpc_server_and_a_compute_with_a_new_kernel_When_upgraded_Then_each_node_s_own_units_are_used_and_only_the_compute_reboots()
    {
        await using var lab = await LabSession.UpAsync(state => new LabOptions(
            Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05, AlternativesOn: "ctl2"));
        await File.WriteAllTextAsync(Path.Combine(lab.Paths.NodeRoot("cmp1"), "boot", "vmlinuz-99.0.0-lab"), "");
        var saved = Path.Combine(lab.Journals, "made-without-the-nodes.json");
        var offline = await UpliftProcess.RunAsync("plan", "-i", lab.Paths.Inventory, "--from", lab.Lab.Release.Series, "--to", lab.Next,
            "--format", "json", "-o", saved);
        offline.Code.ShouldBe(0, offline.Output);

        var refused = await UpliftProcess.RunAsync(null, lab.Environment, "run", saved, "--yes", "--state-dir", lab.Journals);

        refused.Code.ShouldBe(2, refused.Output);
        refused.Output.ShouldContain("ctl2 runs the alternatives of neutron-server, the plan has the catalog's units");
        var plan = await UpliftProcess.RunAsync("plan", "-i", lab.Paths.Inventory, "--to", lab.Next, "--format", "json");
        plan.Output.ShouldContain("\"alternatives\": \"ctl2:neutron-server\"");
        plan.Output.ShouldContain("neutron-api neutron-rpc-server");

        var run = await lab.UpgradeAsync();

        run.Code.ShouldBe(0, run.Output);
        var next = File.ReadAllText(Path.Combine(lab.Paths.Nodes, "ctl1", "units", "neutron-server.active")).Trim();
        foreach (var unit in new[] { "neutron-api", "neutron-rpc-server" })
        {
            File.ReadAllText(Path.Combine(lab.Paths.Nodes, "ctl2", "units", unit + ".active")).Trim().ShouldBe(next, $"ctl2's {unit} runs the new code");
        }
        Directory.GetFiles(Path.Combine(lab.Paths.Nodes, "ctl2", "units"), "neutron-server*").ShouldBeEmpty("ctl2 never had neutron-server started");
        File.ReadAllText(Path.Combine(lab.Paths.Nodes, "ctl2", "var", "lib", "dpkg", "installed")).ShouldNotContain("neutron-server ");
        var reboots = Directory.GetFiles(lab.Paths.Nodes, "reboots.log", SearchOption.AllDirectories);
        var rebooted = reboots.Select(f => Path.GetRelativePath(lab.Paths.Nodes, f).Split(Path.DirectorySeparatorChar)[0]).ToList();
        rebooted.ShouldContain("cmp1", "the node with a new kernel rebooted");
        // A machine that itself waits for a reboot has /run/reboot-required, which every lab node sees too (only /etc and
        // /boot are the node's own): then every node rehearses one, and "only cmp1" cannot be asserted.
        var hostWaitsForReboot = File.Exists("/run/reboot-required");
        if (!hostWaitsForReboot)
        {
            rebooted.ShouldBe(["cmp1"], "only the node with a new kernel rebooted");
        }
        File.ReadAllText(Path.Combine(lab.Paths.NodeRoot("cmp1"), "run", "kernel")).Trim().ShouldBe("99.0.0-lab");
        using (var journal = RunJournal.Open(new StateDirectory(lab.Journals).JournalOf("lab")))
        {
            var steps = journal.Steps(journal.LatestRun()!.PlanHash);
            steps["computes/cmp1/reboot"].State.ShouldBe(StepState.Done);
            steps["computes/cmp1/reboot"].Message.ShouldContain("cmp1: rebooted and back in");
            if (!hostWaitsForReboot)
            {
                steps.Where(s => s.Key.EndsWith("/reboot", StringComparison.Ordinal) && s.Key != "computes/cmp1/reboot")
                    .ShouldAllBe(s => s.Value.State == StepState.AlreadyDone, "no other node needed a reboot");
            }
        }
        var violations = Path.Combine(lab.Paths.Cluster, "violations");
        (File.Exists(violations) ? File.ReadAllText(violations) : "").ShouldBeEmpty("the contract ran with every neutron server unit stopped, both halves included");
    }
}
