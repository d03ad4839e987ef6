using System.Text.Json;
using Spectre.Console;
using Uplift.Execution.Progress;
using Uplift.Testing;

namespace Uplift.Tests.Progress;

public class ProgressTests
{
    private readonly TestClock _time = new();

    private RunEvent At(int second, string kind, string? step = null, string? node = null, string? state = null, string? message = null, int? total = null) =>
        new(kind, _time.GetUtcNow().AddSeconds(second), step, "control-plane", "nova", node is null ? [] : [node], state, message, Total: total);

    [Fact]
    public void Given_events_When_folded_Then_counts_running_steps_per_node_and_eta_follow()
    {
        var progress = new RunProgress(_time);
        progress.On(At(0, "run-started", total: 12, state: "2"));
        progress.On(At(0, "step-started", "nova/ctl1/stop", "ctl1"));
        progress.On(At(0, "step-started", "nova/ctl2/stop", "ctl2"));
        progress.On(At(10, "step-ended", "nova/ctl1/stop", "ctl1", "done"));
        progress.On(At(10, "step-ended", "nova/ctl2/stop", "ctl2", "failed", "exit 1"));
        progress.On(At(10, "step-started", "nova/ctl3/stop", "ctl3"));
        _time.Advance(TimeSpan.FromSeconds(20));

        var snapshot = progress.Snapshot();

        snapshot.Done.ShouldBe(3, "two done before this run, one now");
        snapshot.Failed.ShouldBe(1);
        snapshot.Running.ShouldHaveSingleItem().Node.ShouldBe("ctl3");
        snapshot.Elapsed.ShouldBe(TimeSpan.FromSeconds(20));
        snapshot.Eta.ShouldBe(TimeSpan.FromSeconds(10 * 8), "20 s for 2 steps, 8 left");
        snapshot.LastFailure.ShouldBe("nova/ctl2/stop: exit 1");
    }

    [Fact]
    public void Given_a_step_ending_When_written_plainly_Then_one_timestamped_line_names_state_step_node_and_time()
    {
        var output = new StringWriter();

        new PlainProgressWriter(output).On(At(0, "step-ended", "nova/ctl1/stop", "ctl1", "done") with { Seconds = 1.25 });

        output.ToString().ShouldBe("2026-11-21T12:00:00Z done   nova/ctl1/stop [ctl1] 1.3 s\n".Replace("\n", Environment.NewLine));
    }

    [Fact]
    public void Given_events_When_logged_as_json_Then_each_is_one_parseable_line_in_kebab_case()
    {
        var output = new StringWriter();
        var log = new JsonEventLog(output);

        log.On(At(0, "step-started", "nova/ctl1/stop", "ctl1"));
        log.On(At(1, "step-ended", "nova/ctl1/stop", "ctl1", "done") with { ExitCode = 0 });

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var ended = JsonDocument.Parse(lines[1]);
        ended.RootElement.GetProperty("kind").GetString().ShouldBe("step-ended");
        ended.RootElement.GetProperty("step_id").GetString().ShouldBe("nova/ctl1/stop");
        ended.RootElement.GetProperty("exit_code").GetInt32().ShouldBe(0);
        ended.RootElement.TryGetProperty("message", out _).ShouldBeFalse();
    }

    [Fact]
    public void Given_a_snapshot_When_rendered_live_Then_phase_counts_eta_and_running_nodes_show()
    {
        var progress = new RunProgress(_time);
        progress.On(At(0, "run-started", total: 4, state: "0"));
        progress.On(At(0, "step-started", "nova/ctl1/stop", "ctl1"));
        progress.On(At(0, "step-ended", "nova/ctl1/stop", "ctl1", "done"));
        progress.On(At(0, "step-started", "nova/ctl1/install", "ctl1"));
        _time.Advance(TimeSpan.FromSeconds(65));
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        console.Write(ProgressTable.Render(progress.Snapshot(), _time.GetUtcNow()));

        var shown = text.ToString();
        shown.ShouldContain("control-plane  1/4 steps  1 done");
        shown.ShouldContain("elapsed 1m05s");
        shown.ShouldContain("ctl1");
        shown.ShouldContain("nova/ctl1/install");
    }
}
