using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>
/// Uplift's OpenStack client and compute-dance handlers against the lab's keystone and nova (VIP 127.0.10.250), with
/// the lab's clouds.yaml: the services are seen up, disable/enable round-trips, and a compute whose nova-compute unit
/// is stopped (systemctl shim over SSH) is down, stops the dance and stays disabled.
/// </summary>
[Collection("lab")]
public sealed class ComputeApiTests(LabFixture lab) : IDisposable
{
    private const string Reason = "uplift run lab-test: upgrade";

    private readonly ComputeCloud _cloud = CloudOf(lab);

    private string Compute => lab.Lab.Nodes.First(n => n.Role == Role.Compute).Name;

    [Fact]
    public async Task Given_the_lab_up_When_its_clouds_yaml_is_used_Then_nova_lists_every_compute_enabled_and_up()
    {
        var client = new ComputeClient(_cloud.Session);

        var services = await client.ServicesAsync(binary: "nova-compute");
        await new ServicesUpHandler(_cloud).ActAsync(Step(CheckServicesUpStep.Kind, null, ("services", "keystone nova")));

        services.Select(s => s.Host).ShouldBe(lab.Lab.Nodes.Where(n => n.Role == Role.Compute).Select(n => n.Name), ignoreOrder: true);
        services.ShouldAllBe(s => s.Status == ServiceStatus.Enabled && s.State == ServiceState.Up);
    }

    [Fact]
    public async Task Given_an_enabled_compute_When_the_dance_disables_then_enables_it_Then_nova_shows_each_state_with_the_reason()
    {
        var client = new ComputeClient(_cloud.Session);

        await RunAsync(new ComputeDisableHandler(_cloud), Step(ComputeDisableStep.Kind, Compute, ("reason", Reason)));
        var disabled = await client.ComputeServiceAsync(Compute);
        await RunAsync(new ComputeCheckEmptyHandler(_cloud), Step(ComputeCheckEmptyStep.Kind, Compute));
        await RunAsync(new ComputeWaitUpHandler(_cloud, TimeSpan.FromSeconds(30)), Step(ComputeWaitUpStep.Kind, Compute));
        await RunAsync(new ComputeEnableHandler(_cloud), Step(ComputeEnableStep.Kind, Compute));
        var enabled = await client.ComputeServiceAsync(Compute);

        (disabled.Status, disabled.DisabledReason).ShouldBe((ServiceStatus.Disabled, Reason));
        (enabled.Status, enabled.State).ShouldBe((ServiceStatus.Enabled, ServiceState.Up));
    }

    [Fact]
    public async Task Given_a_disabled_compute_whose_nova_compute_is_stopped_When_waited_for_Then_it_is_down_the_wait_fails_and_it_stays_disabled()
    {
        var client = new ComputeClient(_cloud.Session);
        await RunAsync(new ComputeDisableHandler(_cloud), Step(ComputeDisableStep.Kind, Compute, ("reason", Reason)));
        await lab.SucceedAsync(Compute, "systemctl stop nova-compute");
        try
        {
            var down = await client.ComputeServiceAsync(Compute);
            var wait = await Should.ThrowAsync<StepFailedException>(() => new ComputeWaitUpHandler(_cloud, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500))
                .ActAsync(Step(ComputeWaitUpStep.Kind, Compute)));
            var enable = await Should.ThrowAsync<StepFailedException>(() => RunAsync(new ComputeEnableHandler(_cloud), Step(ComputeEnableStep.Kind, Compute)));
            var after = await client.ComputeServiceAsync(Compute);

            down.State.ShouldBe(ServiceState.Down);
            wait.Message.ShouldContain($"nova-compute on {Compute} did not come back");
            enable.Message.ShouldContain("it stays disabled");
            (after.Status, after.DisabledReason).ShouldBe((ServiceStatus.Disabled, Reason));
        }
        finally
        {
            await lab.SucceedAsync(Compute, "systemctl start nova-compute");
            await RunAsync(new ComputeEnableHandler(_cloud), Step(ComputeEnableStep.Kind, Compute));
        }
    }

    public void Dispose() => _cloud.Dispose();

    /// <summary>The lab's keystone and nova, through the clouds.yaml 'uplift lab up' wrote.</summary>
    internal static ComputeCloud CloudOf(LabFixture lab) => new(() => new OpenStackSession(
        CloudsYaml.Parse(File.ReadAllText(lab.Paths.CloudsYaml), lab.Paths.CloudsYaml, LabCloud.Name), TimeProvider.System));

    internal static async Task RunAsync(IStepHandler handler, StepContext context)
    {
        if (!await handler.IsDoneAsync(context))
        {
            await handler.ActAsync(context);
            await handler.VerifyAsync(context);
        }
    }

    internal static StepContext Step(StepKind kind, string? host, params (string Key, string Value)[] arguments)
    {
        var args = (host is null ? [] : new List<KeyValuePair<string, string>> { new("host", host), new("binary", "nova-compute") })
            .Concat(arguments.Select(a => new KeyValuePair<string, string>(a.Key, a.Value))).ToList();
        var step = new PlanStep($"lab/{kind}", kind, "computes", "nova", host is null ? [] : [host], args, "computes", [], [], 0, false, "g");
        return new StepContext(step, node => throw new InvalidOperationException($"no shell wanted on {node}"), TimeProvider.System, _ => { }, CancellationToken.None);
    }
}
