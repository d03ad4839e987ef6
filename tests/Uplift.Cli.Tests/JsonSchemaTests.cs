using System.Text.Json.Nodes;
using Json.Schema;
using Uplift.Catalog;
using Uplift.Cli;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests;

/// <summary>The JSON Uplift writes — plan, --log-json events, status --json — is what docs/schemas/ documents, checked
/// with a JSON Schema validator; and each schema refuses what it should (so the check can fail).</summary>
public sealed class JsonSchemaTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly Plan Plan = Planner.Build(InventoryLoader.Load(Fixtures.Project("examples/inventory.yaml")),
        CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");

    private static JsonSchema Schema(string name) => JsonSchema.FromText(File.ReadAllText(Fixtures.Project($"docs/schemas/{name}.schema.json")));

    private static EvaluationResults Check(string schema, string json) =>
        Schema(schema).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void The_plan_of_the_example_inventory_matches_the_plan_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), $"uplift-plan-{Guid.NewGuid():N}.json");
        try
        {
            var error = new StringWriter();
            UpliftCommandLine.Run(["plan", "-i", Fixtures.Project("examples/inventory.yaml"), "--from", "bobcat", "--to", "epoxy", "--via", "caracal",
                "--format", "json", "-o", file], new StringWriter(), error).ShouldBe(0, error.ToString());

            var results = Check("plan", File.ReadAllText(file));

            results.IsValid.ShouldBeTrue(Errors(results));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_plan_whose_step_lacks_its_kind_is_refused_by_the_schema()
    {
        var plan = JsonNode.Parse(PlanJson.Write(Plan))!;
        plan["steps"]![0]!.AsObject().Remove("kind");

        Check("plan", plan.ToJsonString()).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Every_kind_of_event_of_the_log_matches_the_events_schema()
    {
        var log = new StringWriter();
        var events = new JsonEventLog(log);
        events.On(new RunEvent("run-started", Noon, Message: "run 1", Total: 643, State: "0"));
        events.On(new RunEvent("step-started", Noon, StepId: "nova/ctl1/stop", Phase: "controllers", Service: "nova", Nodes: ["ctl1"]));
        events.On(new RunEvent("step-ended", Noon, StepId: "nova/ctl1/stop", Nodes: ["ctl1"], State: "done", ExitCode: 0, Seconds: 1.5));
        events.On(new RunEvent("message", Noon, StepId: "nova/ctl1/stop", Message: "waiting"));
        events.On(new RunEvent("run-stopping", Noon, Message: "stopping after the running steps"));
        events.On(new RunEvent("run-ended", Noon, State: "succeeded"));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(6);
        foreach (var line in lines)
        {
            var results = Check("events", line);
            results.IsValid.ShouldBeTrue($"{line}: {Errors(results)}");
        }
        Check("events", """{"kind":"step-ended","time":"2026-12-06T12:00:00+00:00","step-id":"x"}""").IsValid.ShouldBeFalse("kebab-case keys are not the log's");
    }

    [Fact]
    public void Status_as_json_matches_the_status_schema_with_and_without_the_nodes_read()
    {
        var steps = Plan.Steps.Take(3).Select((s, i) => new StepRecord(s.Id, i switch { 0 => StepState.Done, 1 => StepState.Failed, _ => StepState.Running },
            1, Noon, i == 2 ? null : Noon.AddSeconds(5), i == 2 ? null : 0, "", "", i == 1 ? "exit 1: no route" : "")).ToDictionary(r => r.StepId);
        var run = new RunRecord(1, Plan.InputsHash, Noon, Noon.AddMinutes(1), "failed");

        foreach (var observed in new[] { null, Plan.Steps.SelectMany(s => s.Nodes).Distinct().ToDictionary(n => n, _ => "epoxy") })
        {
            var json = StatusView.ToJson(RunStatus.Of(Plan, run, steps, observed));
            var results = Check("status", json);

            results.IsValid.ShouldBeTrue(Errors(results));
            var differing = JsonNode.Parse(json)!["differing"];
            (differing is null ? "null" : differing.ToJsonString()).ShouldBe(observed is null ? "null" : "0");
        }
        Check("status", """{"format_version":2}""").IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_report_data_a_run_keeps_matches_the_report_schema_with_and_without_a_probe()
    {
        var probe = new OpenStack.ProbeSummary(TimeSpan.FromSeconds(20), [new OpenStack.FrontendSummary("compute", 20, 1, TimeSpan.FromSeconds(1), 0, 1) { Causes = [("no answer within 5 s", 1)] }])
        {
            Planned = [new OpenStack.PlannedWindow("compute", Noon, Noon.AddSeconds(2), "nova-api restarted")],
            Failed = [new OpenStack.ProbeFailure("compute", Noon.AddSeconds(12), "no answer within 5 s")],
            Series = [new OpenStack.ProbeStep(Noon, 10, 1, 1), new OpenStack.ProbeStep(Noon.AddSeconds(10), 10, 0, 0)],
        };
        var before = new Dictionary<string, string> { ["ctl1"] = "epoxy", ["cmp1"] = "epoxy" };

        foreach (var summary in new[] { probe, null })
        {
            var json = Upgrade.Report.RunReport.ExtrasToJson(new Upgrade.Report.RunReport.RunExtras(before, summary, "API downtime: 1 failed"));
            var results = Check("report", json);

            results.IsValid.ShouldBeTrue($"{json}: {Errors(results)}");
        }
        Check("report", """{"before":{},"downtime":"x","probe":{"sent":1}}""").IsValid.ShouldBeFalse();
    }
}
