using Uplift.Testing;

namespace Uplift.Tests.RealRehearsal;

/// <summary>
/// The oracle of the real rehearsal, on a real run: the rehearsal of 2026-12-07 06:13 (Samples/real-rehearsal), whose
/// prepare upgraded both controllers' libraries with their APIs in HAProxy and, through its lab's dependency list, moved
/// neutron's code before neutron's expand (neutron's install then found done): both must be judged broken, the rest held;
/// and the rehearsal of 11:11 the same day, after both were fixed (drained prepare, service packages kept): every rule the
/// lab exercises held, on real code, with 0 failed requests of 19,890.
/// </summary>
public sealed class ByTheBookAuditTests
{
    private static readonly RunTimeline Run = RunTimeline.Read(Fixtures.Project("tests/Uplift.Cli.Tests/Samples/real-rehearsal/2026-12-07-0613-epoxy-gazpacho.json"));

    private static RuleVerdict Verdict(string ruleStart) =>
        ByTheBookAudit.Judge(Run.Plan, Run.Steps).Single(v => v.Rule.StartsWith(ruleStart, StringComparison.Ordinal));

    [Fact]
    public void Given_neutrons_code_moved_in_prepare_When_judged_Then_code_after_schema_is_broken_naming_the_install_found_done()
    {
        var verdict = Verdict("a service's new code only after its schema");

        verdict.Outcome.ShouldBe(RuleOutcome.Broken);
        verdict.Evidence.ShouldContain("neutron's code was found installed on ctl1 (neutron/ctl1/install, found done)");
        verdict.Evidence.ShouldNotContain("nova's");
    }

    [Fact]
    public void Given_prepare_upgraded_libraries_under_running_apis_When_judged_Then_the_drain_rule_is_broken_for_those_steps_only()
    {
        var verdict = Verdict("every API server drained");

        verdict.Outcome.ShouldBe(RuleOutcome.Broken);
        verdict.Evidence.Split("; ").ShouldBe(["prepare/ctl1/dependencies ran 06:14:09 with ctl1 in HAProxy", "prepare/ctl2/dependencies ran 06:14:09 with ctl2 in HAProxy"]);
    }

    [Fact]
    public void Given_that_run_When_judged_Then_the_order_checks_and_windows_held_on_real_code()
    {
        var verdicts = ByTheBookAudit.Judge(Run.Plan, Run.Steps);

        verdicts.Where(v => v.Outcome == RuleOutcome.Held).Select(v => v.Rule.Split(' ')[0]).ShouldBe(
            ["services", "computes", "`<service>-status", "nova's", "nova:", "every", "online", "online", "each", "neutron's", "cinder:", "controllers'", "every", "options"]);
        Verdict("services in the documented order").Evidence.ShouldStartWith("placement → nova → cinder → heat");
        Verdict("neutron's contract offline").Evidence.ShouldContain("found no contract work pending");
        verdicts.Where(v => v.Outcome == RuleOutcome.NotExercised).Select(v => v.Evidence)
            .ShouldBe(["their units were found in the target state (nothing to stop or start)", "the lab has no Pacemaker (api_vip: none)", "the lab has no network node and its computes run no neutron agent", "no node's agent was found enabled (a node without puppet is found done)"]);
    }

    [Fact]
    public void Given_real_puppet_agents_disabled_and_enabled_around_each_nodes_changes_When_judged_Then_the_rule_held_and_an_early_enable_breaks_it()
    {
        var after = RunTimeline.Read(Fixtures.Project("tests/Uplift.Cli.Tests/Samples/real-rehearsal/2026-12-07-1111-epoxy-gazpacho.json"));
        // That run's nodes had no puppet (each puppet step found done); as a run on nodes with puppet records them, acted.
        var acted = after.Steps.ToDictionary(p => p.Key, p => p.Key.Contains("/puppet-", StringComparison.Ordinal) ? p.Value with { State = Execution.Journal.StepState.Done } : p.Value);
        var lastOnCmp1 = after.Plan.Steps.Where(s => s.Node == "cmp1" && s.Kind.Name == "packages-install").Select(s => acted[s.Id]).Max(r => r.Ended!.Value);
        var early = new Dictionary<string, Execution.Journal.StepRecord>(acted)
        {
            ["finalize/cmp1/puppet-enable"] = acted["finalize/cmp1/puppet-enable"] with { Started = lastOnCmp1.AddSeconds(-30) },
        };

        RuleVerdict Puppet(IReadOnlyDictionary<string, Execution.Journal.StepRecord> steps) =>
            ByTheBookAudit.Judge(after.Plan, steps).Single(v => v.Rule.StartsWith("puppet agents off", StringComparison.Ordinal));

        Puppet(after.Steps).Outcome.ShouldBe(RuleOutcome.NotExercised);
        Puppet(acted).Outcome.ShouldBe(RuleOutcome.Held, Puppet(acted).Evidence);
        Puppet(acted).Evidence.ShouldStartWith("5 nodes' real agents disabled");
        Puppet(early).Outcome.ShouldBe(RuleOutcome.Broken);
        Puppet(early).Evidence.ShouldStartWith("cmp1: its agent enabled");
    }

    [Fact]
    public void Given_the_run_after_the_fixes_When_judged_Then_every_rule_the_lab_exercises_held()
    {
        var after = RunTimeline.Read(Fixtures.Project("tests/Uplift.Cli.Tests/Samples/real-rehearsal/2026-12-07-1111-epoxy-gazpacho.json"));

        var verdicts = ByTheBookAudit.Judge(after.Plan, after.Steps);

        verdicts.Where(v => v.Outcome == RuleOutcome.Broken).ShouldBeEmpty();
        verdicts.Count(v => v.Outcome == RuleOutcome.Held).ShouldBe(17);
        verdicts.Single(v => v.Rule.StartsWith("services in the documented order", StringComparison.Ordinal)).Evidence
            .ShouldStartWith("placement → nova → neutron → cinder → heat");
        verdicts.Single(v => v.Rule.StartsWith("every API server drained", StringComparison.Ordinal)).Evidence.ShouldContain("each drained before and put back after");
    }
}
