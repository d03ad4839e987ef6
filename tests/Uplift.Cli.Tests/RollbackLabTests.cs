using Uplift.Lab;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Tests;

/// <summary>
/// The rollback runbook (issue "by the book" 8): a run stopped before the computes (the control plane on the new code, the
/// schemas expanded and synced) is taken back with `uplift plan --rollback` then `uplift run` of that plan: the schemas
/// restored into the lab's MariaDB from the run's verified backup, every node back on the old packages, units and servers.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class RollbackLabTests
{
    [Fact]
    public async Task Given_a_run_stopped_before_the_computes_When_its_rollback_plan_runs_Then_the_schemas_are_restored_and_every_node_is_back()
    {
        await using var lab = await LabSession.UpAsync(state => new LabOptions(
            Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05));
        var stopped = await lab.UpgradeAsync("--pause-before", "computes");
        stopped.Code.ShouldNotBe(0, stopped.Output);
        var observed = await UpliftProcess.RunAsync("inventory", "show", "-i", lab.Paths.Inventory, "--observed");
        observed.Output.ShouldContain(lab.Next, customMessage: "the controllers run the new code");
        await Sql(lab, "INSERT INTO keystone.project (name) VALUES ('written-after-the-backup')");

        var rollbackFile = Path.Combine(lab.Journals, "rollback.json");
        var planned = await UpliftProcess.RunAsync("plan", "--rollback", "-i", lab.Paths.Inventory, "--state-dir", lab.Journals,
            "--format", "json", "-o", rollbackFile);
        planned.Code.ShouldBe(0, planned.Output);
        var plan = PlanJson.Parse(File.ReadAllBytes(rollbackFile), rollbackFile);
        plan.Steps.Where(s => s.Kind == DatabaseRestoreStep.Kind).Select(s => s.Argument("schema")).ShouldContain("keystone");
        var tree = await UpliftProcess.RunAsync("plan", "--rollback", "-i", lab.Paths.Inventory, "--state-dir", lab.Journals);
        tree.Output.ShouldContain($"rollback of cluster \"lab\", {lab.Next} → {lab.Lab.Release.Series}");

        var run = await UpliftProcess.RunAsync(null, lab.Environment, "run", rollbackFile, "--yes", "--os-cloud", LabCloud.Name, "--state-dir", lab.Journals);

        run.Code.ShouldBe(0, run.Output);
        run.Output.ShouldContain("succeeded");
        (await Sql(lab, "SELECT COUNT(*) FROM keystone.project WHERE name = 'written-after-the-backup'")).Trim()
            .ShouldBe("0", "keystone was restored from the run's backup");
        var after = await UpliftProcess.RunAsync("inventory", "show", "-i", lab.Paths.Inventory, "--observed");
        after.Output.ShouldContain($"every node runs {lab.Lab.Release.Series}");
        (await LabState.TakeAsync(lab.Paths)).Servers.ShouldAllBe(s => s.Value == "-", "every API server is back in HAProxy");
        var violations = Path.Combine(lab.Paths.Cluster, "violations");
        (File.Exists(violations) ? File.ReadAllText(violations) : "").ShouldBeEmpty();
    }

    private static async Task<string> Sql(LabSession lab, string statement)
    {
        var result = await LocalProgram.RunAsync("mariadb", ["--no-defaults", $"--socket={lab.Paths.MariaDbSocket}", "-uroot", "-N", "-e", statement]);
        result.ExitCode.ShouldBe(0, result.Error);
        return result.Output;
    }
}
