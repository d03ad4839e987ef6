using Uplift.Execution;
using Uplift.Haproxy;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Integration;
using Uplift.Transports;

namespace Uplift.Tests.Steps;

/// <summary>The plan's HAProxy steps carried out against a real HAProxy, through socat as on a controller.</summary>
[Collection(HaproxyLabCollection.Name)]
public sealed class HaproxyStepHandlerTests(HaproxyLab lab) : IAsyncLifetime
{
    private readonly LocalTransport _transport = new();

    public Task InitializeAsync() => lab.ResetAsync();

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private PlanStep Step(StepKind kind, string server, string timeout = "20") => new(
        $"nova/{server}/{kind.Name()}", kind, Phases.ControlPlane, "nova", [server],
        [
            new("backend", HaproxyLab.Backend), new("server", server), new("socket", lab.AdminSocket),
            new("haproxy-node", "ctl-vip"), new("timeout", timeout), new("servers", $"{HaproxyLab.Backend}/ctl1 {HaproxyLab.Backend}/{server}"),
        ],
        ConcurrencyClasses.Controllers, [], [], 0, kind == StepKind.HaproxyEnable, "nova");

    private StepContext Context(PlanStep step) =>
        new(step, node => _transport.ShellFor(new Node(node, "127.0.0.1", [Role.Controller])), TimeProvider.System, _ => { }, CancellationToken.None);

    private async Task<ServerState> StateOf(string server) => await lab.Client().GetServerAsync(HaproxyLab.Backend, server);

    [Fact]
    public async Task Given_a_ready_server_When_the_drain_step_runs_Then_it_is_drained_and_the_enable_step_puts_it_back()
    {
        var handler = new HaproxyStepHandler();
        var drain = Context(Step(StepKind.HaproxyDrain, "ctl1"));

        (await handler.IsDoneAsync(drain)).ShouldBeFalse();
        await handler.ActAsync(drain);

        (await StateOf("ctl1")).Draining.ShouldBeTrue();
        (await StateOf("ctl10")).Draining.ShouldBeFalse("draining ctl1 must not touch ctl10");
        (await handler.IsDoneAsync(Context(Step(StepKind.HaproxyDrain, "ctl1")))).ShouldBeTrue("a re-run finds the drain done");

        var enable = Context(Step(StepKind.HaproxyEnable, "ctl1"));
        (await handler.IsDoneAsync(enable)).ShouldBeFalse();
        await handler.ActAsync(enable);
        await handler.VerifyAsync(enable);

        (await StateOf("ctl1")).Draining.ShouldBeFalse();
        (await handler.IsDoneAsync(Context(Step(StepKind.HaproxyEnable, "ctl1")))).ShouldBeTrue();
    }

    [Fact]
    public async Task Given_an_unknown_server_When_a_step_runs_Then_it_fails_with_HAProxys_own_text()
    {
        var error = await Should.ThrowAsync<StepFailedException>(() => new HaproxyStepHandler().ActAsync(Context(Step(StepKind.HaproxyDrain, "ctl9"))));

        error.Message.ShouldContain("ctl9");
    }

    [Fact]
    public async Task Given_a_controller_missing_from_the_backend_When_backends_are_checked_Then_the_check_names_it()
    {
        var error = await Should.ThrowAsync<StepFailedException>(() =>
            new HaproxyStepHandler().ActAsync(Context(Step(StepKind.CheckHaproxyBackends, "ctl9"))));

        error.Message.ShouldContain($"{HaproxyLab.Backend}/ctl9");
        error.Message.ShouldNotContain($"{HaproxyLab.Backend}/ctl1,");
    }

    [Fact]
    public void The_dry_run_shows_the_socket_commands()
    {
        var lines = new HaproxyStepHandler().Describe(Step(StepKind.HaproxyDrain, "ctl1"));

        lines[0].ShouldContain($"set server {HaproxyLab.Backend}/ctl1 state drain");
        lines[0].ShouldContain("on ctl-vip");
    }
}
