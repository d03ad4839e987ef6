using Uplift.Cli;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>A saved plan runs only as uplift wrote it: a hand-edited file is refused before any node is reached.</summary>
public sealed class PlanTamperingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-tamper-").FullName;

    public PlanTamperingTests()
    {
        File.Copy(Fixtures.Project("examples/inventory.yaml"), Inventory);
        Uplift("plan", "-i", Inventory, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", PlanFile).Code.ShouldBe(0);
    }

    private string Inventory => Path.Combine(_dir, "inventory.yaml");

    private string PlanFile => Path.Combine(_dir, "plan.json");

    private string StateDir => Path.Combine(_dir, "state");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Uplift(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = UpliftCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void Edit(string from, string to, int count = 1)
    {
        var text = File.ReadAllText(PlanFile);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, $"the plan holds {from}");
        File.WriteAllText(PlanFile, count == 1 ? text[..at] + to + text[(at + from.Length)..] : text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>The 1-based line of the plan file on which a text first appears.</summary>
    private int LineOf(string text)
    {
        var content = File.ReadAllText(PlanFile);
        return content[..content.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }

    private (int Code, string Err) Run()
    {
        var (code, _, error) = Uplift("run", PlanFile, "--yes", "--state-dir", StateDir);
        return (code, error);
    }

    [Fact]
    public void Given_an_untouched_plan_When_checked_by_a_dry_run_Then_it_is_accepted()
    {
        var (code, output, error) = Uplift("run", "--dry-run", PlanFile, "--state-dir", StateDir);

        code.ShouldBe(0, error);
        output.ShouldContain("keystone-status upgrade check");
    }

    [Fact]
    public void Given_a_step_command_edited_by_hand_When_run_Then_it_is_refused_naming_the_step_and_no_journal_is_written()
    {
        Edit("\"command\": \"keystone-status upgrade check\"", "\"command\": \"touch /tmp/TAMPERED; keystone-status upgrade check\"");

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain($"uplift: {PlanFile}:{LineOf("\"id\": \"preflight/keystone/upgrade-check\"") - 1}: the plan file was changed after uplift wrote it: " +
            "step 'preflight/keystone/upgrade-check' differs from the step uplift plans from the same inputs");
        error.ShouldContain("plan again");
        Directory.Exists(StateDir).ShouldBeFalse("refused before a journal or lock is made");
    }

    [Fact]
    public void Given_an_edited_step_with_a_recomputed_looking_digest_When_run_Then_the_digest_still_does_not_match()
    {
        var text = File.ReadAllText(PlanFile);
        var digestAt = text.IndexOf("\"digest\": \"sha256:", StringComparison.Ordinal) + "\"digest\": \"sha256:".Length;
        File.WriteAllText(PlanFile, text[..digestAt] + new string('0', 64) + text[(digestAt + 64)..]);

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain("the plan file was changed after uplift wrote it: its steps are as planned, but its cluster, hops, classes, inputs or digest were edited");
    }

    [Fact]
    public void Given_a_step_inserted_When_run_Then_it_names_where_the_steps_part()
    {
        var text = File.ReadAllText(PlanFile);
        var start = text.IndexOf("    {\n      \"id\": \"preflight/keystone/upgrade-check\"", StringComparison.Ordinal);
        var end = text.IndexOf("    {\n      \"id\":", start + 10, StringComparison.Ordinal);
        var copy = text[start..end].Replace("preflight/keystone/upgrade-check", "preflight/keystone/extra", StringComparison.Ordinal);
        File.WriteAllText(PlanFile, text[..start] + copy + text[start..]);

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain("is 'preflight/keystone/extra' where uplift plans 'preflight/keystone/upgrade-check'");
    }

    [Fact]
    public void Given_a_step_on_a_node_not_in_the_inventory_When_run_Then_it_is_refused_naming_step_and_node()
    {
        Edit("\"nodes\": [\n        \"ctl1\"\n      ],\n      \"arguments\": {\n        \"command\": \"keystone-status upgrade check\"",
            "\"nodes\": [\n        \"intruder\"\n      ],\n      \"arguments\": {\n        \"command\": \"keystone-status upgrade check\"");

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain($"{PlanFile}:{LineOf("\"intruder\"") - 1}: step 'preflight/keystone/upgrade-check' acts on node 'intruder', which the inventory");
    }

    [Fact]
    public void Given_the_classes_emptied_When_run_Then_it_is_refused_naming_a_step_of_an_undeclared_class()
    {
        var text = File.ReadAllText(PlanFile);
        var start = text.IndexOf("\"classes\": [", StringComparison.Ordinal) + "\"classes\": [".Length;
        var end = text.IndexOf("\n  ],", start, StringComparison.Ordinal);
        File.WriteAllText(PlanFile, text[..start] + text[end..]);

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain("has class 'cluster', which the plan's classes do not declare");
    }

    [Fact]
    public void Given_a_plan_without_its_digest_When_run_Then_it_is_refused_saying_so()
    {
        var text = File.ReadAllText(PlanFile);
        var at = text.IndexOf(",\n  \"digest\":", StringComparison.Ordinal);
        File.WriteAllText(PlanFile, text[..at] + "\n}\n");

        var (code, error) = Run();

        code.ShouldBe(2);
        error.ShouldContain("the plan file carries no digest");
    }
}
