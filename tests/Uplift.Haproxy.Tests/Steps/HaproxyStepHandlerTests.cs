using System.Collections.Concurrent;
using System.Net;
using Uplift.Execution;
using Uplift.Haproxy;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Fakes;
using Uplift.Tests.Integration;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Tests.Steps;

/// <summary>The plan's HAProxy steps carried out against a real HAProxy, through socat as on a controller.</summary>
[Collection(HaproxyLabCollection.Name)]
public sealed class HaproxyStepHandlerTests(HaproxyLab lab) : IAsyncLifetime
{
    private readonly LocalTransport _transport = new();

    /// <summary>What each SSH command to the HAProxy node got on stdin (the line socat passes to the admin socket).</summary>
    private readonly ConcurrentQueue<string> _ran = new();

    public Task InitializeAsync() => lab.ResetAsync();

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private PlanStep Step(StepKind kind, string server, string timeout = "20") => new(
        $"nova/{server}/{kind.Name}", kind, Phases.ControlPlane, "nova", [server],
        [
            new("backend", HaproxyLab.Backend), new("server", server), new("socket", lab.AdminSocket),
            new("haproxy-node", "ctl-vip"), new("timeout", timeout), new("servers", $"{HaproxyLab.Backend}/ctl1 {HaproxyLab.Backend}/{server}"),
        ],
        ConcurrencyClasses.Controllers, [], [], 0, kind == HaproxyEnableStep.Kind, "nova");

    private StepContext Context(PlanStep step) =>
        new(step, node => new CountingShell(_transport.ShellFor(new Node(node, "127.0.0.1", [Role.Controller])), _ran), TimeProvider.System,
            _ => { }, CancellationToken.None);

    /// <summary>The step as the executor runs it; the SSH commands it sent.</summary>
    private async Task<IReadOnlyList<string>> RunStepAsync(PlanStep step) => (await RunStepFoundDoneAsync(step)).Ran;

    private async Task<(IReadOnlyList<string> Ran, bool FoundDone)> RunStepFoundDoneAsync(PlanStep step)
    {
        _ran.Clear();
        var foundDone = await ((IStepHandler)new HaproxyStepHandler()).CarryOutAsync(Context(step));
        return ([.. _ran], foundDone);
    }

    private async Task<ServerState> StateOf(string server) => await lab.Client().GetServerAsync(HaproxyLab.Backend, server);

    [Fact]
    public async Task Given_a_ready_server_When_the_drain_step_runs_Then_it_is_drained_and_the_enable_step_puts_it_back()
    {
        var handler = new HaproxyStepHandler();
        var drain = Context(Step(HaproxyDrainStep.Kind, "ctl1"));

        (await handler.IsDoneAsync(drain)).ShouldBeFalse();
        await handler.ActAsync(drain);

        (await StateOf("ctl1")).Draining.ShouldBeTrue();
        (await StateOf("ctl10")).Draining.ShouldBeFalse("draining ctl1 must not touch ctl10");
        (await handler.IsDoneAsync(Context(Step(HaproxyDrainStep.Kind, "ctl1")))).ShouldBeTrue("a re-run finds the drain done");

        var enable = Context(Step(HaproxyEnableStep.Kind, "ctl1"));
        (await handler.IsDoneAsync(enable)).ShouldBeFalse();
        await handler.ActAsync(enable);
        await handler.VerifyAsync(enable);

        (await StateOf("ctl1")).Draining.ShouldBeFalse();
        (await handler.IsDoneAsync(Context(Step(HaproxyEnableStep.Kind, "ctl1")))).ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_server_its_checks_see_down_When_the_enable_step_runs_Then_it_ends_only_once_the_checks_see_it_up()
    {
        var client = lab.Client();
        await client.SetStateAsync(HaproxyLab.Backend, "ctl2", ServerMode.Drain);
        await lab.Servers["ctl2"].DisposeAsync();
        await lab.WaitUntilAsync(async () => (await client.GetServerAsync(HaproxyLab.Backend, "ctl2")).OperationalState == ServerOperationalState.Stopped,
            "ctl2's checks to see it down");

        var enabling = RunStepAsync(Step(HaproxyEnableStep.Kind, "ctl2"));
        await lab.WaitUntilAsync(async () => !(await client.GetServerAsync(HaproxyLab.Backend, "ctl2")).Draining, "the step's 'state ready'");
        var waitedForTheChecks = !enabling.IsCompleted;
        lab.Servers["ctl2"] = new ApiListener("ctl2", IPAddress.Parse("127.0.20.2"), 28102);
        await enabling;

        waitedForTheChecks.ShouldBeTrue("ready but down for HAProxy: the step is not over, the next drains must wait");
        (await client.GetServerAsync(HaproxyLab.Backend, "ctl2")).OperationalState.ShouldBe(ServerOperationalState.Running);
    }

    [Fact]
    public async Task Given_an_idle_server_When_drained_and_enabled_by_steps_Then_each_step_is_one_SSH_command_whose_first_read_is_its_guard()
    {
        var drain = await RunStepFoundDoneAsync(Step(HaproxyDrainStep.Kind, "ctl2"));
        var drained = await StateOf("ctl2");
        var drainAgain = await RunStepFoundDoneAsync(Step(HaproxyDrainStep.Kind, "ctl2"));
        var drainedAgain = await StateOf("ctl2");
        var enable = await RunStepFoundDoneAsync(Step(HaproxyEnableStep.Kind, "ctl2"));
        var enabled = await StateOf("ctl2");
        var enableAgain = await RunStepFoundDoneAsync(Step(HaproxyEnableStep.Kind, "ctl2"));

        var drainLine = $"show servers state {HaproxyLab.Backend};set server {HaproxyLab.Backend}/ctl2 state drain;show stat {HaproxyLab.Backend} 4 -1\n";
        drain.Ran.ShouldBe([drainLine]);
        drain.FoundDone.ShouldBe(false);
        drained.AdminState.ShouldBe(ServerAdminState.ForcedDrain);
        drainAgain.Ran.ShouldBe([drainLine]);
        drainAgain.FoundDone.ShouldBe(true, "a re-run reads the server drained and idle: found done, the drain it sent again changed nothing");
        drainedAgain.AdminState.ShouldBe(ServerAdminState.ForcedDrain);
        var enableLine = $"show servers state {HaproxyLab.Backend};set server {HaproxyLab.Backend}/ctl2 state ready;show servers state {HaproxyLab.Backend}\n";
        enable.Ran.ShouldBe([enableLine]);
        enable.FoundDone.ShouldBe(false);
        enabled.AdminState.ShouldBe(ServerAdminState.None);
        enableAgain.Ran.ShouldBe([enableLine]);
        enableAgain.FoundDone.ShouldBe(true, "a re-run reads the server in service: found done");
        (await StateOf("ctl10")).AdminState.ShouldBe(ServerAdminState.None, "ctl2's steps never touch ctl10");
    }

    [Theory]
    [InlineData(ServerAdminState.ForcedDrain, true, 1, true)]
    [InlineData(ServerAdminState.None, true, 1, false)]
    [InlineData(ServerAdminState.InheritedDrain, true, 1, false)]
    [InlineData(ServerAdminState.ForcedDrain | ServerAdminState.ConfiguredMaintenance, true, 1, false)]
    [InlineData(ServerAdminState.ForcedDrain, true, 2, false)]
    [InlineData(ServerAdminState.ForcedDrain, false, 1, false)]
    public void Given_a_drain_outcome_When_judged_Then_it_is_found_done_only_when_setting_drain_changed_nothing(
        ServerAdminState before, bool drained, int polls, bool foundDone)
    {
        var stat = new StatRow(HaproxyLab.Backend, "ctl2", 0, drained ? 0 : 1, "DRAIN", new Dictionary<string, string>());

        HaproxyStepHandler.FoundDrained(new DrainOutcome("ctl-vip", HaproxyLab.Backend, "ctl2", drained, before, stat, TimeSpan.Zero, polls))
            .ShouldBe(foundDone);
    }

    [Fact]
    public async Task Given_a_request_in_flight_on_ctl1_When_the_drain_step_runs_Then_it_polls_show_stat_alone_until_the_request_ends()
    {
        var ctl1 = lab.Servers["ctl1"];
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(HaproxyLab.Frontend, "slow"));
        request.Headers.ConnectionClose = true;
        var slow = http.SendAsync(request);
        await ctl1.SlowArrived.WaitAsync(TimeSpan.FromSeconds(10));

        var step = RunStepAsync(Step(HaproxyDrainStep.Kind, "ctl1"));
        await lab.WaitUntilAsync(() => Task.FromResult(_ran.Count >= 2), "the drain step's first poll on its own");
        step.IsCompleted.ShouldBeFalse("the drain must wait while a request is in flight");
        ctl1.ReleaseSlow();
        var ran = await step.WaitAsync(TimeSpan.FromSeconds(10));
        using var response = await slow;

        ran[0].ShouldContain($";set server {HaproxyLab.Backend}/ctl1 state drain;");
        ran.Skip(1).ShouldAllBe(line => line == $"show stat {HaproxyLab.Backend} 4 -1\n");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the request in flight was not cut");
        (await lab.Client().GetServerStatAsync(HaproxyLab.Backend, "ctl1")).ShouldSatisfyAllConditions(
            stat => stat.Status.ShouldBe("DRAIN"), stat => stat.IsIdle.ShouldBeTrue());
    }

    [Fact]
    public async Task Given_an_unknown_server_When_a_step_runs_Then_it_fails_with_HAProxys_own_text()
    {
        var error = await Should.ThrowAsync<StepFailedException>(() => new HaproxyStepHandler().ActAsync(Context(Step(HaproxyDrainStep.Kind, "ctl9"))));

        error.Message.ShouldContain("ctl9");
    }

    [Fact]
    public async Task Given_a_controller_missing_from_the_backend_When_backends_are_checked_Then_the_check_names_it()
    {
        var error = await Should.ThrowAsync<StepFailedException>(() =>
            new HaproxyStepHandler().ActAsync(Context(Step(CheckHaproxyBackendsStep.Kind, "ctl9"))));

        error.Message.ShouldContain($"{HaproxyLab.Backend}/ctl9");
        error.Message.ShouldNotContain($"{HaproxyLab.Backend}/ctl1,");
    }

    [Fact]
    public async Task Given_servers_in_several_backends_When_backends_are_checked_Then_one_SSH_command_lists_them_all()
    {
        var check = Step(CheckHaproxyBackendsStep.Kind, "ctl1");
        check = check with
        {
            Arguments = [.. check.Arguments.Where(a => a.Key != "servers"),
                new("servers", $"{HaproxyLab.Backend}/ctl1 bulk001/s1 {HaproxyLab.Backend}/ctl10 bulk002/s1 bulk002/ctl1")],
        };

        var error = await Should.ThrowAsync<StepFailedException>(() => RunStepAsync(check));

        error.Message.ShouldContain("lacks bulk002/ctl1:");
        _ran.ShouldBe([$"show servers state {HaproxyLab.Backend};show servers state bulk001;show servers state bulk002\n"]);
    }

    [Fact]
    public void The_dry_run_shows_the_socket_commands()
    {
        var lines = new HaproxyStepHandler().Describe(Step(HaproxyDrainStep.Kind, "ctl1"));

        lines[0].ShouldContain($"set server {HaproxyLab.Backend}/ctl1 state drain");
        lines[0].ShouldContain("on ctl-vip");
    }

    /// <summary>Every controller runs an HAProxy and the VIP may move during a run: a drain takes the server out of each
    /// controller's HAProxy (here two real ones, the second reached as node ctl-peer) and the enable puts it back in each.</summary>
    [Fact]
    public async Task Given_two_controllers_HAProxies_When_a_server_is_drained_and_enabled_Then_both_HAProxies_follow()
    {
        var single = Step(HaproxyDrainStep.Kind, "ctl2");
        var drain = single with { Arguments = [.. single.Arguments.Where(a => a.Key != "haproxy-node"), new("haproxy-nodes", "ctl-vip ctl-peer")] };
        var handler = new HaproxyStepHandler();

        await RunAsync(handler, drain);

        (await StateOf("ctl2")).Draining.ShouldBeTrue();
        (await lab.PeerClient().GetServerAsync(HaproxyLab.Backend, "ctl2")).Draining.ShouldBeTrue("the peer HAProxy has it drained too");
        (await handler.IsDoneAsync(PeerContext(drain))).ShouldBeTrue("a re-run finds the drain done in both");

        await lab.PeerClient().SetStateAsync(HaproxyLab.Backend, "ctl2", ServerMode.Ready);
        (await handler.IsDoneAsync(PeerContext(drain))).ShouldBeFalse("a server back in one HAProxy is not drained");

        var enable = drain with { Kind = HaproxyEnableStep.Kind, Id = "nova/ctl2/haproxy-enable" };
        await RunAsync(handler, enable);

        (await StateOf("ctl2")).Draining.ShouldBeFalse();
        (await lab.PeerClient().GetServerAsync(HaproxyLab.Backend, "ctl2")).Draining.ShouldBeFalse();
    }

    /// <summary>A step context whose node ctl-peer reaches the peer HAProxy's socket (the plan names one socket path, the
    /// same on every controller; here the two HAProxies live side by side on one machine).</summary>
    private StepContext PeerContext(PlanStep step) =>
        new(step, node => new CountingShell(new SocketPath(_transport.ShellFor(new Node(node, "127.0.0.1", [Role.Controller])),
                node == "ctl-peer" ? (lab.AdminSocket, lab.PeerAdminSocket) : null), _ran),
            TimeProvider.System, _ => { }, CancellationToken.None);

    private Task<bool> RunAsync(IStepHandler handler, PlanStep step) => handler.CarryOutAsync(PeerContext(step));

    private sealed class SocketPath(IRemoteShell inner, (string From, string To)? swap) : IRemoteShell
    {
        public string Node => inner.Node;

        public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default) =>
            inner.RunAsync(swap is { } s ? command with { Script = command.Script.Replace(s.From, s.To, StringComparison.Ordinal) } : command, cancellationToken);
    }
}
