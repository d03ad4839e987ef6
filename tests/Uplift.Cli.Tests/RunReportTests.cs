using Uplift.Catalog;
using Uplift.Database;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Report;

namespace Uplift.Tests;

/// <summary>A run's HTML report, opened in a real browser (Debian's chromium, headless): every node's timeline, every
/// phase, the probe's series and the failed step are in its DOM; it fetches nothing.</summary>
public sealed class RunReportTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly Plan Plan = Planner.Build(InventoryLoader.Load(Fixtures.Project("examples/inventory.yaml")),
        CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");

    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every step of the plan ran 10 s after the one before, the 40th failed with output; a probe of two APIs
    /// over 30 s with two failures.</summary>
    private static RunReport Report()
    {
        var steps = Plan.Steps.Take(40).Select((s, i) => new StepRecord(s.Id, i == 39 ? StepState.Failed : StepState.Done, 1,
            Noon.AddSeconds(10 * i), Noon.AddSeconds((10 * i) + 8), i == 39 ? 1 : 0, i == 39 ? "E: Unable to locate package <nova>" : "", "", i == 39 ? "exit 1" : ""))
            .ToDictionary(r => r.StepId);
        var series = new[] { new ProbeStep(Noon, 20, 0, 0), new ProbeStep(Noon.AddSeconds(10), 20, 2, 0), new ProbeStep(Noon.AddSeconds(20), 20, 0, 1) };
        var probe = new ProbeSummary(TimeSpan.FromSeconds(30), [new FrontendSummary("compute", 30, 2, TimeSpan.FromSeconds(2)) { Causes = [("HTTP 503", 2)] }, new FrontendSummary("identity", 30, 0, TimeSpan.Zero, 0, 1)])
        {
            Series = series,
            Failed = [new ProbeFailure("compute", Noon.AddSeconds(11), "HTTP 503"), new ProbeFailure("compute", Noon.AddSeconds(12), "HTTP 503")],
        };
        var nodes = Plan.Steps.SelectMany(s => s.Nodes).Distinct().ToDictionary(n => n, _ => "epoxy");
        var extras = RunReport.ExtrasFromJson(RunReport.ExtrasToJson(new RunReport.RunExtras(nodes, probe, "API downtime during the run: 60 requests, 2 failed")));
        var backup = new BackupManifest("1", "ctl1", "/var/backups/uplift/1", "10.11.14-MariaDB", Noon, [new SchemaDump("nova", "nova.sql.gz", 123456, new string('a', 64), [])], Noon.AddMinutes(1));
        return RunReport.Of(Plan, new RunRecord(1, Plan.InputsHash, Noon, Noon.AddMinutes(7), "failed"), steps, extras, backup);
    }

    [Fact]
    public void The_extras_a_run_keeps_read_back_as_they_were_written()
    {
        var report = Report();

        report.Probe!.Series.Count.ShouldBe(3);
        report.Probe.Series[1].Failed.ShouldBe(2);
        report.Probe.Frontends[1].Planned.ShouldBe(1);
        report.Probe.Frontends[0].Causes.ShouldBe([("HTTP 503", 2)]);
        report.Probe.Failed.Select(f => (f.Sent, f.Cause)).ShouldBe([(Noon.AddSeconds(11), "HTTP 503"), (Noon.AddSeconds(12), "HTTP 503")]);
        report.Before["cmp1"].ShouldBe("epoxy");
        RunReport.ExtrasFromJson("{\"before\": 3}").ShouldBeNull("a file that is not what a run wrote is no extras, not a crash");
    }

    [Fact]
    public async Task Given_a_failed_run_When_its_report_is_opened_in_chromium_Then_the_dom_holds_every_node_phase_probe_step_and_the_failure()
    {
        var report = Report();
        var file = Path.Combine(_dir, "run-1.html");
        await File.WriteAllTextAsync(file, RunReportHtml.Render(report));

        var dom = await Chromium.DomAsync(file, _dir);

        dom.ShouldContain("<title>Uplift: example run 1</title>");
        foreach (var node in report.Status.Nodes)
        {
            dom.ShouldContain($"<div class=\"row\" data-node=\"{node.Name}\">", customMessage: $"{node.Name}'s timeline");
        }
        foreach (var phase in report.Status.Phases)
        {
            dom.ShouldContain($"<tr data-phase=\"{phase.Name}\">");
        }
        foreach (var step in report.Probe!.Series)
        {
            dom.ShouldContain($"data-probe-at=\"{step.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\" data-sent=\"{step.Sent}\" data-failed=\"{step.Failed}\"");
        }
        dom.ShouldContain($"<h3 data-step=\"{report.Failed.Single().StepId}\">");
        dom.ShouldContain("E: Unable to locate package &lt;nova&gt;", customMessage: "output is shown as text, never as markup");
        dom.ShouldContain("verified restorable");
        dom.ShouldContain($"<p id=\"estimate\">Estimated {Uplift.Timing.Durations.Human(report.Status.EstimatedTotal!.Value)} for the whole plan");
        dom.ShouldContain("<th>estimated</th>");
        dom.ShouldNotContain("<script");
        dom.ShouldNotContain("src=", customMessage: "self-contained: nothing is fetched");
    }
}
