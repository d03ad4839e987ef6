using Uplift.Cli;
using Uplift.Execution.Journal;
using Uplift.Planning;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>`uplift run`, `resume` and `status` as an operator calls them, without any node to connect to.</summary>
public sealed class RunCommandsTests : IDisposable
{
    private static readonly string Example = Fixtures.Project("examples/inventory.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Uplift(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = UpliftCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Given_a_dry_run_When_run_Then_every_node_gets_its_commands_and_nothing_connects()
    {
        var (code, output, error) = Uplift("run", "--dry-run", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--state-dir", _dir);

        code.ShouldBe(0, error);
        output.ShouldContain("ctl1:");
        output.ShouldContain("cmp1:");
        output.ShouldContain("DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold");
        output.ShouldContain("systemctl mask");
        Directory.GetFiles(_dir).ShouldBeEmpty("a dry run writes no journal and takes no lock");
    }

    [Fact]
    public void Given_v_and_q_together_When_parsed_Then_it_is_bad_input_naming_both()
    {
        var (code, _, error) = Uplift("run", "-v", "-q", "-i", Example, "--to", "flamingo", "--state-dir", _dir);

        code.ShouldBe(2);
        error.ShouldContain("-v and -q both given");
        Directory.GetFiles(_dir).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new[] { "run", "-v" }, true, false)]
    [InlineData(new[] { "-q", "resume" }, false, true)]
    [InlineData(new[] { "status" }, false, false)]
    public void Given_the_global_verbosity_switches_When_parsed_anywhere_on_the_line_Then_the_command_reads_them(string[] line, bool verbose, bool quiet) =>
        global::Uplift.Cli.Commands.ExecutionSwitches.Verbosity(UpliftCommandLine.Build().Parse(line)).ShouldBe((verbose, quiet));

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1000")]
    public void Given_a_probe_rate_out_of_range_When_run_Then_it_is_bad_input_and_nothing_is_written(string rate)
    {
        var (code, output, error) = Uplift("run", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--yes", "--state-dir", _dir, "--probe-rate", rate);

        code.ShouldBe(2);
        error.ShouldContain($"--probe-rate {rate}: give requests a second from 0 (no probe) to 100");
        output.ShouldBeEmpty();
        Directory.GetFiles(_dir).ShouldBeEmpty("no journal, no lock: nothing started");
    }

    [Fact]
    public void Given_a_saved_plan_and_a_changed_inventory_When_run_Then_it_is_refused_saying_what_changed()
    {
        var inventory = Path.Combine(_dir, "inventory.yaml");
        File.Copy(Example, inventory);
        var plan = Path.Combine(_dir, "plan.json");
        Uplift("plan", "-i", inventory, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", plan).Code.ShouldBe(0);
        File.AppendAllText(inventory, "\n# edited after planning\n");

        var (code, _, error) = Uplift("run", plan, "--yes", "--state-dir", _dir);

        code.ShouldBe(2);
        error.ShouldContain("changed since the plan was made");
        error.ShouldContain("plan again");
    }

    [Theory]
    [InlineData("", "is a directory")]
    [InlineData("missing/events.jsonl", "is in a folder that does not exist")]
    public void Given_an_event_log_that_cannot_be_written_When_run_Then_it_is_refused_before_any_node(string relative, string expected)
    {
        var log = Path.Combine(_dir, relative);

        var (code, _, error) = Uplift("run", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--yes", "--state-dir", _dir, "--log-json", log);

        code.ShouldBe(2);
        error.ShouldContain($"--log-json {Path.GetFullPath(log)} {expected}");
        error.ShouldContain("nothing was changed");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Given_neither_a_plan_nor_inputs_When_run_Then_it_says_what_to_give()
    {
        var (code, _, error) = Uplift("run", "--state-dir", _dir);

        code.ShouldBe(2);
        error.ShouldContain("--inventory and --to");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("resume")]
    public void Given_journals_of_two_clusters_When_status_or_resume_has_no_cluster_Then_it_names_them_and_touches_neither(string command)
    {
        File.WriteAllBytes(Path.Combine(_dir, "prod-east.journal.sqlite"), []);
        File.WriteAllBytes(Path.Combine(_dir, "lab.journal.sqlite"), []);

        var (code, _, error) = Uplift(command, "--state-dir", _dir);

        code.ShouldBe(2);
        error.ShouldContain($"2 clusters have journals in {_dir}");
        error.ShouldContain("say which with --cluster NAME (lab, prod-east) or --inventory FILE");
        new FileInfo(Path.Combine(_dir, "lab.journal.sqlite")).Length.ShouldBe(0, "neither journal was opened");
    }

    [Fact]
    public void Given_no_terminal_and_no_yes_When_run_Then_it_says_so_before_reaching_any_node()
    {
        var (code, output, error) = Uplift("run", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--state-dir", _dir);

        code.ShouldBe(2);
        output.ShouldBeEmpty("no node was reached, so there is no plan of theirs to show");
        error.ShouldContain("pass --yes");
        File.Exists(Path.Combine(_dir, "example.journal.sqlite")).ShouldBeFalse();
    }

    [Fact]
    public void Given_a_journal_with_a_failed_run_When_status_is_asked_Then_phases_failures_and_node_releases_show()
    {
        var (_, json, _) = Uplift("plan", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--format", "json");
        var plan = PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "test");
        var now = DateTimeOffset.UtcNow;
        using (var journal = RunJournal.Open(new StateDirectory(_dir).JournalOf("example")))
        {
            var run = journal.StartRun(plan.InputsHash, json, now);
            foreach (var step in plan.Steps.Where(s => s.Nodes.SequenceEqual(["cmp1"]) || s.Nodes.Count == 0))
            {
                journal.MarkRunning(run, plan.InputsHash, step.Id, now);
                journal.Finish(run, plan.InputsHash, step.Id, new StepResult(StepState.Done), now, now);
            }
            var failing = plan.Steps.First(s => s.Nodes.SequenceEqual(["ctl2"]));
            journal.MarkRunning(run, plan.InputsHash, failing.Id, now);
            journal.Finish(run, plan.InputsHash, failing.Id, new StepResult(StepState.Failed, 1, Message: "broken on purpose"), now, now);
            journal.EndRun(run, "failed", now);
        }

        var (code, output, error) = Uplift("status", "--state-dir", _dir);

        code.ShouldBe(0, error);
        output.ShouldContain("cluster example: upgrade epoxy → flamingo");
        output.ShouldContain($"failed: {plan.Steps.First(s => s.Nodes.SequenceEqual(["ctl2"])).Id} — broken on purpose");
        output.ShouldMatch(@"(?m)^  cmp1\s+flamingo$");
        output.ShouldMatch(@"(?m)^  ctl2\s+epoxy \(upgrading to flamingo\)$");
        output.ShouldMatch(@"(?m)^  ctl3\s+epoxy$");
    }

    [Fact]
    public void Given_no_journal_When_status_is_asked_Then_it_says_how_to_start()
    {
        var (code, _, error) = Uplift("status", "--state-dir", _dir);

        code.ShouldBe(2);
        error.ShouldContain("uplift run");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("resume")]
    public void Given_a_damaged_journal_When_status_or_resume_is_asked_Then_it_is_refused_with_how_to_go_on_and_no_stack_trace(string command)
    {
        var journal = new StateDirectory(_dir).JournalOf("example");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(journal, "not a journal\n");

        var (code, output, error) = command == "status"
            ? Uplift("status", "--state-dir", _dir)
            : Uplift("resume", "-i", Example, "--state-dir", _dir, "--yes");

        code.ShouldBe(2, output + error);
        error.ShouldContain($"{journal}: the journal is damaged: it is not an SQLite database");
        error.ShouldContain($"mv '{journal}' '{journal}.damaged'");
        (output + error).ShouldNotContain("   at ");
        File.ReadAllText(journal).ShouldBe("not a journal\n");
    }
}
