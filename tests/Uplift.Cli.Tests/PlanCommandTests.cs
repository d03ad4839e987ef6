using Uplift.Cli;
using Uplift.Planning;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>`uplift plan` as an operator calls it: exit codes, formats, and no partial output on bad input.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Uplift(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = UpliftCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static readonly string Example = Fixtures.Project("examples/inventory.yaml");

    [Fact]
    public void Planning_the_example_prints_the_tree_and_exits_0()
    {
        var (code, output, error) = Uplift("plan", "--inventory", Example, "--from", "epoxy", "--to", "flamingo");

        code.ShouldBe(0, error);
        output.ShouldStartWith("Uplift plan: upgrade of cluster \"example\", epoxy → flamingo");
        output.ShouldContain("Control plane, service by service");
    }

    [Fact]
    public void Estimate_prints_the_total_each_phase_and_what_bounds_it_and_the_inventory_s_figures_change_it()
    {
        var (code, output, error) = Uplift("plan", "-i", Large, "--from", "epoxy", "--to", "flamingo", "--live-migrate", "--estimate");
        var slower = Path.Combine(_dir, "slower.yaml");
        File.WriteAllText(slower, File.ReadAllText(Large) + "estimate:\n  instances_per_compute: 60\n  live_migration_seconds: 90\n");
        var (_, slowerOutput, slowerError) = Uplift("plan", "-i", slower, "--from", "epoxy", "--to", "flamingo", "--live-migrate", "--estimate");

        code.ShouldBe(0, error);
        output.ShouldStartWith("Estimate for large");
        output.ShouldContain("phases (from the start of the run):");
        output.ShouldContain("bound by");
        output.ShouldContain("compute-migrate-instances");
        slowerOutput.ShouldContain("60 instances per compute, 90 s each", customMessage: slowerError);
        Total(slowerOutput).ShouldBeGreaterThan(Total(output));
    }

    [Fact]
    public void Estimate_with_a_format_is_refused_with_exit_2()
    {
        var (code, output, error) = Uplift("plan", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--estimate", "--format", "json");

        code.ShouldBe(2);
        error.ShouldContain("--estimate");
        output.ShouldBeEmpty();
    }

    private static readonly string Large = Fixtures.Project("examples/large-inventory.yaml");

    // "Estimate for large (N steps): 5 h 14 min if …" → minutes.
    private static int Total(string output)
    {
        var words = output[(output.IndexOf("): ", StringComparison.Ordinal) + 3)..].Split(' ');
        return words[1] == "h" ? int.Parse(words[0], System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture)
            : int.Parse(words[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_json_format_is_a_plan_file_that_reads_back()
    {
        var file = Path.Combine(_dir, "plan.json");

        var (code, output, error) = Uplift("plan", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", file);

        code.ShouldBe(0, error);
        output.ShouldBeEmpty();
        var plan = PlanJson.Read(file);
        plan.Cluster.ShouldBe("example");
        error.ShouldContain($"{plan.Steps.Count} steps");
    }

    [Fact]
    public void The_json_file_written_while_planning_holds_the_bytes_of_the_plan_written_after()
    {
        var file = Path.Combine(_dir, "plan.json");

        var (code, _, error) = Uplift("plan", "-i", Large, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", file);

        code.ShouldBe(0, error);
        var (_, printed, printError) = Uplift("plan", "-i", Large, "--from", "epoxy", "--to", "flamingo", "--format", "json");
        printError.ShouldBeEmpty();
        File.ReadAllText(file).ShouldBe(printed);
    }

    [Fact]
    public void A_plan_that_fails_while_its_file_is_written_exits_2_and_leaves_no_file()
    {
        var file = Path.Combine(_dir, "plan.json");

        var (code, _, error) = Uplift("plan", "-i", Example, "--from", "epoxy", "--to", "flamingo", "--vip-holder", "nosuch", "--format", "json", "-o", file);

        code.ShouldBe(2);
        error.ShouldContain("VIP holder 'nosuch' is not a controller");
        Directory.GetFiles(_dir).ShouldBeEmpty("neither the plan nor its partial file");
    }

    [Theory]
    [InlineData("epoxy", "flamingoo", "unknown release 'flamingoo'")]
    [InlineData("bobcat", "epoxy", "--via caracal")]
    [InlineData("flamingo", "epoxy", "downgrade")]
    public void A_refused_release_or_path_exits_2_with_the_reason_and_prints_no_plan(string from, string to, string message)
    {
        var (code, output, error) = Uplift("plan", "-i", Example, "--from", from, "--to", to);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
    }

    [Theory]
    [InlineData("cluster: x\nnodes:\n  - name: a\n    address: 10.0.0.1\n    roles: [controller]\n  - name: a\n    address: 10.0.0.2\n    roles: [compute]\n", ":6:")]
    [InlineData("cluster: x\nnodes:\n  - name: a\n    address: 10.0.0.1\n    roles: []\n", ":5:")]
    [InlineData("cluster: x\nnodes:\n  - name: a\n    address: 10.0.0.1\n    roles: [controler]\n", "controler")]
    [InlineData("cluster: x\nnodes:\n  - name: a\n    address: [10.0.0.1\n", ":5:")]
    [InlineData("cluster: x\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [controller]}\n  - {name: b, address: 10.0.0.2, roles: [controller]}\n", "api_vip")]
    public void A_bad_inventory_exits_2_naming_the_file_and_line_and_prints_no_plan(string yaml, string where)
    {
        var file = Path.Combine(_dir, "inventory.yaml");
        File.WriteAllText(file, yaml);

        var (code, output, error) = Uplift("plan", "-i", file, "--from", "epoxy", "--to", "flamingo");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(file);
        error.ShouldContain(where);
    }

    [Fact]
    public void A_missing_inventory_file_exits_2()
    {
        var (code, output, error) = Uplift("plan", "-i", Path.Combine(_dir, "nope.yaml"), "--from", "epoxy", "--to", "flamingo");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("nope.yaml");
    }

    [Theory]
    [InlineData("directory", "is a directory")]
    [InlineData("missing folder", "the folder")]
    [InlineData("unwritable", "cannot be written")]
    public void Given_an_output_that_cannot_be_a_written_file_When_planned_Then_it_is_refused_naming_it_and_no_stack_trace(string what, string message)
    {
        var target = what switch
        {
            "directory" => _dir,
            "missing folder" => Path.Combine(_dir, "no", "such", "plan.json"),
            _ => "/proc/version", // even root cannot create a file beside it
        };

        var (code, output, error) = Uplift("plan", "-i", Fixtures.Project("examples/inventory.yaml"), "--from", "epoxy", "--to", "flamingo", "-o", target);

        code.ShouldBe(2, error);
        error.ShouldContain($"--output {target}");
        error.ShouldContain(message);
        (output + error).ShouldNotContain("   at ");
        Directory.GetFiles(_dir, "*.partial", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_state_directory_that_is_a_file_When_run_or_status_Then_it_is_refused_before_any_node_is_read()
    {
        var file = Path.Combine(_dir, "state");
        File.WriteAllText(file, "");

        var run = Uplift("run", "-i", Fixtures.Project("examples/inventory.yaml"), "--to", "flamingo", "--yes", "--state-dir", file);
        var status = Uplift("status", "--state-dir", file);

        run.Code.ShouldBe(2, run.Err);
        run.Err.ShouldContain($"the state directory {file} is a file, not a directory");
        run.Out.ShouldNotContain("observed", Case.Insensitive, "no node was read");
        status.Code.ShouldBe(2);
        status.Err.ShouldContain("is a file, not a directory");
        Uplift("status", "--state-dir", Path.Combine(file, "below")).Err.ShouldContain($"lies under the file {file}");
    }
}
