using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Run;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests;

/// <summary>
/// The executor runs the compute dance of one lab compute with the real handlers (nova on the lab's VIP, systemctl over
/// SSH) but without the start step, so nova-compute never comes back: the batch stops, the compute stays disabled, and
/// the run's summary says why.
/// </summary>
[Collection("lab")]
public sealed class ComputeRunTests(LabFixture lab) : IDisposable
{
    private const string Reason = "uplift run lab-run: upgrade";
    private readonly string _journals = Directory.CreateTempSubdirectory("uplift-compute-run-").FullName;

    private readonly ComputeCloud _cloud = ComputeApiTests.CloudOf(lab);

    [Fact]
    public async Task Given_a_compute_that_does_not_come_back_When_its_batch_runs_Then_the_batch_stops_it_stays_disabled_and_the_summary_says_so()
    {
        var compute = lab.Lab.Nodes.First(n => n.Role == Role.Compute).Name;
        var plan = Dance(compute);
        var inventory = InventoryLoader.Load(lab.Paths.Inventory);
        var handlers = StepTable.Create(new StepServices(_cloud))
            .Replacing(new ComputeWaitUpHandler(_cloud, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(500)), ComputeWaitUpStep.Kind);
        RunSummary summary;
        try
        {
            await using var transport = new OpenSshTransport(inventory.Ssh, new OpenSshOptions(), TimeProvider.System);
            using var control = new RunControl();
            var run = new ClusterRun(new StateDirectory(_journals), handlers, node => transport.ShellFor(inventory.Find(node)!), TimeProvider.System,
                new RunProgress(TimeProvider.System), new ConsolePrompt(TextReader.Null, TextWriter.Null, interactive: false, yes: true), control);
            summary = await run.RunAsync(plan, PlanJson.Write(plan));
        }
        finally
        {
            // The stop step masks the unit, as Uplift does before installing packages.
            await lab.SucceedAsync(compute, "systemctl unmask nova-compute && systemctl enable nova-compute && systemctl start nova-compute");
        }
        var after = await new ComputeClient(_cloud.Session).ComputeServiceAsync(compute);
        await new ComputeEnableHandler(_cloud).ActAsync(Context(plan.Steps.Single(s => s.Kind == ComputeEnableStep.Kind)));

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        summary.States[$"computes/{compute}/disable"].ShouldBe(StepState.Done);
        summary.States[$"computes/{compute}/wait-up"].ShouldBe(StepState.Failed);
        summary.States[$"computes/{compute}/enable"].ShouldBe(StepState.Failed);
        summary.States["computes/batch-1"].ShouldNotBe(StepState.Done);
        summary.States["computes/batch-2"].ShouldNotBe(StepState.Done);
        summary.Failure.ShouldNotBeNull().ShouldContain($"nova-compute on {compute} did not come back");
        summary.Failure.ShouldContain("it stays disabled");
        (after.Status, after.DisabledReason).ShouldBe((ServiceStatus.Disabled, Reason));
    }

    public void Dispose()
    {
        _cloud.Dispose();
        Directory.Delete(_journals, recursive: true);
    }

    /// <summary>The planner's compute steps for one node (ComputeSteps), less the package install and the start.</summary>
    private static Plan Dance(string node)
    {
        var at = $"computes/{node}/";
        (string, string)[] service = [("host", node), ("binary", "nova-compute")];
        PlanStep Step(string id, StepKind kind, string[] needs, string[]? after = null, bool always = false, string? on = null, params (string, string)[] args) =>
            new(id, kind, "computes", "nova", on is null ? [] : [on], args.Select(a => new KeyValuePair<string, string>(a.Item1, a.Item2)).ToList(),
                on is null ? ConcurrencyClasses.Cluster : ConcurrencyClasses.Computes, needs, after ?? [], 0, always, "az1: canary");
        var steps = new List<PlanStep>
        {
            Step(at + "disable", ComputeDisableStep.Kind, [], on: node, args: [.. service, ("reason", Reason)]),
            Step(at + "check-empty", ComputeCheckEmptyStep.Kind, [at + "disable"], on: node, args: service),
            Step(at + "stop", UnitsStopStep.Kind, [at + "check-empty"], on: node, args: ("units", "nova-compute")),
            Step(at + "wait-up", ComputeWaitUpStep.Kind, [at + "stop"], on: node, args: [.. service, ("release", "next")]),
            Step(at + "enable", ComputeEnableStep.Kind, [at + "disable"], [at + "wait-up"], always: true, on: node, args: service),
            Step("computes/batch-1", StepKind.Milestone, [], [at + "wait-up", at + "enable"]),
            Step("computes/batch-2", StepKind.Milestone, ["computes/batch-1"]),
        };
        var classes = new[] { new ConcurrencyClass(ConcurrencyClasses.Cluster, 1, "cluster"), new ConcurrencyClass(ConcurrencyClasses.Computes, 4, "computes") };
        return new Plan(PlanJson.FormatVersion, "lab-compute", "upgrade", [new PlanHop("caracal", "dalmatian")], classes, steps,
            new PlanInputs("inventory.yaml", "inv", "1", "cat", "0.1.0", "caracal", "dalmatian", new PlanOptions()), "compute-run-1");
    }

    private static StepContext Context(PlanStep step) =>
        new(step, node => throw new InvalidOperationException($"no shell wanted on {node}"), TimeProvider.System, _ => { }, CancellationToken.None);
}
