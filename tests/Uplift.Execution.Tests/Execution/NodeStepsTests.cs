using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.EndState;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Execution;

/// <summary>The real handlers (apt, systemd, sources) driven by the executor against in-memory nodes.</summary>
public sealed class NodeStepsTests : IDisposable
{
    private const string Sources = "/etc/apt/sources.list.d/osbpo.debian.net.sources";
    private const string Former = "/etc/apt/sources.list.d/openstack.list";
    private const string Content = "Types: deb\nURIs: http://osbpo.debian.net/debian\nSuites: {codename}-dalmatian-backports {codename}-dalmatian-backports-nochange\nComponents: main\n";
    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _ctl1 = new("ctl1");

    public NodeStepsTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = node => node == "ctl1" ? _ctl1 : throw new InvalidOperationException(node);
        _ctl1.Installed["haproxy"] = "2.6.12-1+deb12u3";
        _ctl1.Installed["bash"] = "5.2.15-2+b8";
        _ctl1.Installed["nova-api"] = "2:29.0.0-1";
        _ctl1.Candidates["haproxy"] = "2.6.12-1+deb12u4";
        _ctl1.Candidates["bash"] = "5.2.15-2+b8";
        _ctl1.Candidates["openssh-client"] = "1:9.2p1-2+deb12u10";
        _ctl1.Candidates["nova-api"] = "2:30.0.0-1";
        _ctl1.Candidates["nova-conductor"] = "2:30.0.0-1";
        _ctl1.Units["nova-conductor"] = ("active", "enabled");
        _ctl1.Units["nova-api"] = ("active", "enabled");
        _ctl1.Files[Former] = "deb http://osbpo.debian.net/debian bookworm-caracal-backports main\n";
        _ctl1.Answers[Apt.ReadCodename] = (0, "bookworm\n");
    }

    public void Dispose() => _run.Dispose();

    private static Plan Upgrade(string hash = "h1") => new TestPlan().Class("default", 1)
        .Step("prepare/ctl1/apt-sources", AptSourcesStep.Kind, node: "ctl1", arguments: [("sources-file", Sources), ("content", Content), ("replaces", Former)])
        .Step("prepare/ctl1/dependencies", DependenciesUpgradeStep.Kind, needs: ["prepare/ctl1/apt-sources"], node: "ctl1",
            arguments: ("packages", "bash haproxy openssh-client"))
        .Step("nova/ctl1/stop", UnitsStopStep.Kind, needs: ["prepare/ctl1/dependencies"], node: "ctl1",
            arguments: [("units", "nova-conductor nova-api"), ("packages", "nova-api nova-conductor")])
        .Step("nova/ctl1/install", PackagesInstallStep.Kind, needs: ["nova/ctl1/stop"], node: "ctl1", arguments: ("packages", "nova-api nova-conductor"))
        .Step("nova/ctl1/start", UnitsStartStep.Kind, needs: ["nova/ctl1/install"], node: "ctl1", arguments: ("units", "nova-conductor nova-api"))
        .Build(hash);

    [Fact]
    public async Task Given_a_node_on_the_old_release_When_upgraded_Then_sources_packages_and_units_end_at_the_target()
    {
        var summary = await _run.RunAsync(Upgrade());

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        // The node's codename filled in, the former one-line file gone.
        _ctl1.Files[Sources].ShouldBe(Content.Replace("{codename}", "bookworm", StringComparison.Ordinal));
        _ctl1.Files.ShouldNotContainKey(Former);
        _ctl1.Installed["haproxy"].ShouldBe("2.6.12-1+deb12u4");
        _ctl1.Installed["nova-api"].ShouldBe("2:30.0.0-1");
        _ctl1.Installed["nova-conductor"].ShouldBe("2:30.0.0-1");
        _ctl1.Installed.ShouldNotContainKey("openssh-client", "a dependency that was not installed stays so");
        _ctl1.Units["nova-api"].ShouldBe(("active", "enabled"));
        _ctl1.Log.ShouldContain("DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold haproxy");
        _ctl1.Log.IndexOf("systemctl stop nova-api && systemctl stop nova-conductor && systemctl disable nova-conductor nova-api && systemctl mask nova-conductor nova-api")
            .ShouldBeGreaterThan(-1);
    }

    [Fact]
    public async Task Given_an_upgraded_node_When_a_fresh_plan_runs_Then_every_guard_finds_its_step_done_and_nothing_changes()
    {
        await _run.RunAsync(Upgrade("h1"));
        var changesBefore = _ctl1.Log.Count(IsChange);

        var again = await _run.RunAsync(Upgrade("h2"));

        again.States.Values.ShouldAllBe(s => s == StepState.AlreadyDone);
        _ctl1.Log.Count(IsChange).ShouldBe(changesBefore);
    }

    [Fact]
    public async Task Given_a_package_without_candidate_When_installed_Then_the_step_fails_saying_to_check_the_sources()
    {
        _ctl1.Candidates.Remove("nova-conductor");

        var summary = await _run.RunAsync(Upgrade());

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        summary.Failure!.ShouldStartWith("nova/ctl1/stop: on ctl1: apt has no candidate for nova-conductor");
        _ctl1.Units["nova-api"].Active.ShouldBe("active", "the stop's guard found the packages missing before stopping anything");
    }

    [Fact]
    public async Task Given_an_unreachable_node_When_run_Then_the_first_step_fails_naming_the_node_and_nothing_else_runs()
    {
        _ctl1.Reachable = false;

        var summary = await _run.RunAsync(Upgrade());

        summary.Failure!.ShouldContain("ctl1 is unreachable");
        summary.States["prepare/ctl1/dependencies"].ShouldBe(StepState.Pending);
    }

    [Fact]
    public async Task Given_sources_still_on_the_old_release_When_an_install_carries_the_target_major_Then_it_fails_instead_of_being_found_done()
    {
        // The node is on 29 and apt offers 29 (its sources were put back): at its candidate, but not the target's 30.x.
        _ctl1.Candidates["nova-api"] = "2:29.0.0-1";
        _ctl1.Installed["nova-conductor"] = _ctl1.Candidates["nova-conductor"] = "2:29.0.0-1";
        var plan = new TestPlan().Class("default", 1)
            .Step("nova/ctl1/install", PackagesInstallStep.Kind, node: "ctl1",
                arguments: [("packages", "nova-api nova-conductor"), ("release", "dalmatian"), ("code", "nova-api=30")])
            .Build("h3");

        var summary = await _run.RunAsync(plan);

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        summary.Failure!.ShouldStartWith("nova/ctl1/install: on ctl1: apt offers nova-api 2:29.0.0-1, not the target release's 30.x");
        _ctl1.Log.ShouldNotContain(c => c.Contains("apt-get install", StringComparison.Ordinal), "nothing was installed");
    }

    [Fact]
    public async Task Given_an_end_state_step_done_in_the_journal_When_the_plan_runs_again_Then_the_node_is_looked_at_again()
    {
        var plan = new TestPlan().Class("default", 1)
            .Step("verify/ctl1/end-state", VerifyEndStateStep.Kind, node: "ctl1",
                arguments: [("release", "dalmatian"), ("code:nova", "nova-api 29"), ("packages:nova", "nova-api"), ("units:nova", "nova-api")])
            .Build("h4");
        _ctl1.Units["nova-api"] = ("active", "enabled");
        var first = await _run.RunAsync(plan);
        first.Outcome.ShouldBe(RunOutcome.Succeeded, first.Failure);
        _ctl1.Installed["nova-api"] = "2:28.0.0-1";

        var again = await _run.RunAsync(plan);

        again.Outcome.ShouldBe(RunOutcome.Failed, "the journal said done, the node says otherwise");
        again.Failure!.ShouldContain("ctl1: nova-api 2:28.0.0-1 is not dalmatian's 29.x");
    }

    private static Plan Start(string hash) => new TestPlan().Class("default", 1)
        .Step("nova/ctl1/start", UnitsStartStep.Kind, node: "ctl1", arguments: ("units", "nova-conductor nova-api"))
        .Build(hash);

    [Fact]
    public async Task Given_stopped_units_When_started_Then_the_guard_the_start_and_its_check_take_one_round_trip()
    {
        _ctl1.Units["nova-conductor"] = _ctl1.Units["nova-api"] = ("inactive", "masked");

        var summary = await _run.RunAsync(Start("h5"));

        summary.States["nova/ctl1/start"].ShouldBe(StepState.Done, summary.Failure);
        _ctl1.Units["nova-api"].ShouldBe(("active", "enabled"));
        _ctl1.Units["nova-conductor"].ShouldBe(("active", "enabled"));
        _ctl1.RoundTrips.ShouldBe(1);
    }

    [Fact]
    public async Task Given_running_units_When_a_start_runs_Then_the_node_finds_it_done_in_the_one_round_trip_and_starts_nothing()
    {
        var summary = await _run.RunAsync(Start("h6"));

        summary.States["nova/ctl1/start"].ShouldBe(StepState.AlreadyDone, summary.Failure);
        _ctl1.RoundTrips.ShouldBe(1);
        _ctl1.Log.ShouldNotContain(c => c.StartsWith("systemctl unmask", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_node_that_finds_a_step_done_When_Uplift_reading_the_same_result_does_not_Then_Uplift_acts()
    {
        var handler = new DisagreeingHandler();
        _run.Handlers = StepTable.Create(new StepServices()).Replacing(handler, [UnitsRestartStep.Kind]);
        _ctl1.Answers["query"] = (0, "done\n");
        var plan = new TestPlan().Class("default", 1).Step("nova/ctl1/restart", UnitsRestartStep.Kind, node: "ctl1").Build("h7");

        var summary = await _run.RunAsync(plan);

        summary.States["nova/ctl1/restart"].ShouldBe(StepState.Done, summary.Failure);
        handler.Acted.ShouldBe(["ctl1"]);
        _ctl1.Log.ShouldBe(["query"], "the node ran the query alone: it judged the work done");
    }

    /// <summary>Its guard's query prints "done", which the node judges done and this guard does not.</summary>
    private sealed class DisagreeingHandler : NodeStepHandler
    {
        public List<string> Acted { get; } = [];

        public override IReadOnlyList<string> Describe(PlanStep step) => ["act"];

        protected override GuardedAction? GuardedActionOn(PlanStep step, string node) =>
            new("query", new DoneWhen([0], [["done"]]), "act", ["check"]);

        protected override async Task<bool> IsDoneOnAsync(StepContext context, string node) =>
            (await context.RunAsync(node, "query")).StandardOutput == "not done";

        protected override Task ActOnAsync(StepContext context, string node)
        {
            Acted.Add(node);
            return Task.CompletedTask;
        }
    }

    private static bool IsChange(string command) =>
        command.Contains("apt-get install", StringComparison.Ordinal) || command.StartsWith("printf", StringComparison.Ordinal) ||
        (command.StartsWith("systemctl", StringComparison.Ordinal) && !command.StartsWith("systemctl is-active", StringComparison.Ordinal));
}
