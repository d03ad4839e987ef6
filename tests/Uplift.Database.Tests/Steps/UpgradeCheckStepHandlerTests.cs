using Uplift.Execution;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Fakes;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Tests.Steps;

/// <summary>The plan's upgrade-check step on outputs captured from real `*-status upgrade check` runs.</summary>
public sealed class UpgradeCheckStepHandlerTests
{
    private readonly List<string> _reports = [];

    [Fact]
    public async Task Given_a_failing_check_When_the_step_runs_Then_it_fails_naming_the_check_and_its_details()
    {
        var shell = new ScriptedShell((2, Samples.Samples.Read("placement-status_upgrade_check_failure.txt")));

        var failure = await Should.ThrowAsync<StepFailedException>(() => new UpgradeCheckStepHandler().ActAsync(Context(shell)));

        failure.Message.ShouldStartWith("on ctl1: 'placement-status upgrade check' reports the upgrade cannot go on (exit 2): Failure: Policy File JSON to YAML Migration: Your policy file is JSON-formatted");
        failure.Message.ShouldContain("oslopolicy-convert-json-to-yaml");
        failure.Message.ShouldEndWith("fix it, then run again (pre-flight changed nothing)");
    }

    [Fact]
    public async Task Given_a_warning_in_json_When_the_step_runs_Then_it_succeeds_and_reports_the_warning()
    {
        var shell = new ScriptedShell((1, Samples.Samples.Read("nova-status_upgrade_check_warning.json")));

        await new UpgradeCheckStepHandler().ActAsync(Context(shell));

        _reports.ShouldHaveSingleItem().ShouldStartWith("ctl1: placement-status upgrade check: warning: ");
    }

    [Fact]
    public async Task Given_output_that_is_no_report_When_the_step_runs_Then_it_fails_saying_so()
    {
        var shell = new ScriptedShell((0, "{\"unexpected\": true}"));

        var failure = await Should.ThrowAsync<StepFailedException>(() => new UpgradeCheckStepHandler().ActAsync(Context(shell)));

        failure.Message.ShouldContain("is not an upgrade check report");
    }

    private StepContext Context(IRemoteShell shell) =>
        new(new PlanStep("preflight/placement/upgrade-check", UpgradeCheckStep.Kind, Phases.Preflight, "placement", ["ctl1"],
                [new("command", "placement-status upgrade check")], ConcurrencyClasses.Cluster, [], [], 0, false, "cluster"),
            _ => shell, new TestClock(), _reports.Add, CancellationToken.None);
}
