using System.Net;
using Uplift.Haproxy;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Integration;

/// <summary>The client, the drain and the errors against a real HAProxy 2.6 and real HTTP listeners.</summary>
[Collection(HaproxyLabCollection.Name)]
public sealed class RealHaproxyTests(HaproxyLab lab) : IAsyncLifetime
{
    private const string Stat = "show stat apibe 4 -1";
    private static readonly DrainOptions Quick = new() { PollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(20) };

    private readonly WatchedSocket _socket = new(new LocalAdminSocket(AdminSocketAddress.Parse(lab.AdminSocket)));

    private HaproxyClient Client => new(_socket);

    private ServerDrain Drain => new(Client, TimeProvider.System);

    public Task InitializeAsync() => lab.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> SlowRequestAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(HaproxyLab.Frontend, "slow"));
        request.Headers.ConnectionClose = true;
        return await http.SendAsync(request);
    }

    private async Task WaitForPollsAsync(int polls) =>
        await lab.WaitUntilAsync(() => Task.FromResult(_socket.Count(Stat) >= polls), $"{polls} polls of show stat");

    [Fact]
    public async Task Given_a_slow_request_in_flight_on_ctl1_When_ctl1_is_drained_Then_the_drain_waits_for_it_and_ends_when_it_ends()
    {
        var ctl1 = lab.Servers["ctl1"];
        var slow = SlowRequestAsync();
        await ctl1.SlowArrived.WaitAsync(TimeSpan.FromSeconds(10));

        var drain = Drain.DrainAsync(HaproxyLab.Backend, "ctl1", Quick);
        await WaitForPollsAsync(3);

        drain.IsCompleted.ShouldBeFalse("the drain must wait while a request is in flight");
        var during = await Client.GetServerStatAsync(HaproxyLab.Backend, "ctl1");
        (during.Status, during.SessionsCurrent).ShouldBe(("DRAIN", 1L));

        ctl1.ReleaseSlow();
        var outcome = await drain.WaitAsync(TimeSpan.FromSeconds(10));
        using var response = await slow;

        outcome.Drained.ShouldBeTrue();
        outcome.Polls.ShouldBeGreaterThanOrEqualTo(3);
        (outcome.Last.Status, outcome.Last.SessionsCurrent, outcome.Last.QueueCurrent).ShouldBe(("DRAIN", 0L, 0L));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the request in flight was not cut");
        (await response.Content.ReadAsStringAsync()).ShouldBe("ctl1 /slow\n");
    }

    [Fact]
    public async Task Given_a_request_that_outlasts_the_timeout_When_ctl1_is_drained_Then_the_outcome_is_a_timeout_with_the_session_left()
    {
        var ctl1 = lab.Servers["ctl1"];
        var slow = SlowRequestAsync();
        await ctl1.SlowArrived.WaitAsync(TimeSpan.FromSeconds(10));

        var outcome = await Drain.DrainAsync(HaproxyLab.Backend, "ctl1", Quick with { Timeout = TimeSpan.FromMilliseconds(700) });
        ctl1.ReleaseSlow();
        using var response = await slow;

        outcome.TimedOut.ShouldBeTrue();
        outcome.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(700));
        outcome.Last.SessionsCurrent.ShouldBe(1);
        Should.Throw<DrainTimeoutException>(() => outcome.ThrowIfTimedOut()).Message.ShouldContain("apibe/ctl1 still has 1 session(s)");
    }

    [Fact]
    public async Task Given_an_unknown_server_When_it_is_drained_Then_the_error_has_HAProxys_text_and_the_real_server_names()
    {
        var error = await Should.ThrowAsync<UnknownServerException>(() => Drain.DrainAsync(HaproxyLab.Backend, "ctl3", Quick));

        error.HaproxyText.ShouldBe("No such server.");
        error.KnownServers.ShouldBe(["ctl1", "ctl2", "ctl10"]);
        var direct = await Should.ThrowAsync<UnknownServerException>(() => Client.SetStateAsync(HaproxyLab.Backend, "ctl3", ServerMode.Drain));
        direct.HaproxyText.ShouldBe("No such server.");
    }

    [Fact]
    public async Task Given_an_unknown_backend_When_it_is_used_Then_each_command_reports_HAProxys_text_and_the_backends()
    {
        var set = await Should.ThrowAsync<UnknownBackendException>(() => Client.SetStateAsync("nosuchbe", "ctl1", ServerMode.Drain));
        var list = await Should.ThrowAsync<UnknownBackendException>(() => Client.ListServersAsync("nosuchbe"));
        var stat = await Should.ThrowAsync<UnknownBackendException>(() => Client.ShowStatAsync("nosuchbe"));

        (set.HaproxyText, list.HaproxyText, stat.HaproxyText).ShouldBe(("No such backend.", "Can't find backend.", "No such proxy."));
        set.KnownBackends!.ShouldContain(HaproxyLab.Backend);
        set.KnownBackends!.Count.ShouldBe(HaproxyLab.BulkBackends + 1);
    }

    [Fact]
    public async Task Given_ctl1_and_ctl10_When_ctl1_is_drained_and_disabled_Then_ctl10_and_ctl2_are_never_touched()
    {
        (await Drain.DrainAsync(HaproxyLab.Backend, "ctl1", Quick)).Drained.ShouldBeTrue();
        var afterDrain = (await Client.ListServersAsync(HaproxyLab.Backend)).ToDictionary(s => s.Name, s => s.AdminState);
        await Client.DisableServerAsync(HaproxyLab.Backend, "ctl1");
        var afterDisable = (await Client.ListServersAsync(HaproxyLab.Backend)).ToDictionary(s => s.Name, s => s.AdminState);

        afterDrain.ShouldBe(new Dictionary<string, ServerAdminState>
        {
            ["ctl1"] = ServerAdminState.ForcedDrain,
            ["ctl2"] = ServerAdminState.None,
            ["ctl10"] = ServerAdminState.None,
        });
        afterDisable["ctl1"].HasFlag(ServerAdminState.ForcedMaintenance).ShouldBeTrue();
        (afterDisable["ctl2"], afterDisable["ctl10"]).ShouldBe((ServerAdminState.None, ServerAdminState.None));
        _socket.Sent.Where(c => c.StartsWith("set ", StringComparison.Ordinal) || c.StartsWith("disable ", StringComparison.Ordinal))
            .ShouldBe(["set server apibe/ctl1 state drain", "disable server apibe/ctl1"]);
        (await Client.GetServerStatAsync(HaproxyLab.Backend, "ctl10")).Status.ShouldBe("UP");
    }

    [Fact]
    public async Task Given_a_drained_server_When_enabled_after_healthy_Then_it_is_back_UP_and_serves_again()
    {
        var drained = await Drain.DrainAsync(HaproxyLab.Backend, "ctl1", Quick);

        var waited = await Drain.EnableAfterHealthyAsync(HaproxyLab.Backend, "ctl1",
            AddressProbe.Http("/health", TimeSpan.FromSeconds(2)), Quick);

        drained.Drained.ShouldBeTrue();
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await Client.GetServerAsync(HaproxyLab.Backend, "ctl1")).AdminState.ShouldBe(ServerAdminState.None);
        await lab.WaitUntilAsync(async () => (await Client.GetServerStatAsync(HaproxyLab.Backend, "ctl1")).Status == "UP", "ctl1 UP");
    }

    [Fact]
    public async Task Given_a_dead_address_When_enabled_after_healthy_Then_the_server_stays_drained()
    {
        await Drain.DrainAsync(HaproxyLab.Backend, "ctl1", Quick);
        var dead = new Func<ServerState, CancellationToken, Task<bool>>((server, token) =>
            AddressProbe.Tcp(TimeSpan.FromMilliseconds(300))(server with { Port = 28299 }, token));

        await Should.ThrowAsync<BackendNotAnsweringException>(() => Drain.EnableAfterHealthyAsync(HaproxyLab.Backend, "ctl1", dead,
            Quick with { Timeout = TimeSpan.FromMilliseconds(500) }));

        (await Client.GetServerAsync(HaproxyLab.Backend, "ctl1")).AdminState.ShouldBe(ServerAdminState.ForcedDrain);
    }

    [Fact]
    public async Task Given_a_server_in_maintenance_When_drained_and_restored_Then_it_is_in_maintenance_again()
    {
        await Client.SetStateAsync(HaproxyLab.Backend, "ctl2", ServerMode.Maintenance);

        var outcome = await Drain.DrainAsync(HaproxyLab.Backend, "ctl2", Quick);
        var drained = await Client.GetServerAsync(HaproxyLab.Backend, "ctl2");
        await Drain.RestoreAsync(HaproxyLab.Backend, "ctl2", outcome.PreviousAdminState);

        outcome.PreviousAdminState.ShouldBe(ServerAdminState.ForcedMaintenance);
        drained.AdminState.ShouldBe(ServerAdminState.ForcedDrain, "setting drain ends a forced maintenance: a drain that finds one changes it");
        (await Client.GetServerAsync(HaproxyLab.Backend, "ctl2")).AdminState.ShouldBe(ServerAdminState.ForcedMaintenance);
    }

    [Fact]
    public async Task Given_an_idle_server_When_drained_Then_one_connection_reads_its_state_drains_it_and_finds_it_drained()
    {
        var outcome = await Drain.DrainAsync(HaproxyLab.Backend, "ctl2", Quick);

        (outcome.Drained, outcome.Polls, outcome.PreviousAdminState).ShouldBe((true, 1, ServerAdminState.None));
        _socket.Lines.ShouldBe([$"show servers state {HaproxyLab.Backend};set server {HaproxyLab.Backend}/ctl2 state drain;{Stat}"]);
        (await Client.GetServerAsync(HaproxyLab.Backend, "ctl2")).AdminState.ShouldBe(ServerAdminState.ForcedDrain);
    }

    [Fact]
    public async Task Given_commands_sent_through_socat_on_one_line_When_split_Then_each_reply_is_what_the_command_alone_answers()
    {
        await using var transport = new LocalTransport();
        var node = new NodeAdminSocket(transport.ShellFor(new Node("lb1", "127.0.0.1", [Role.Controller])), AdminSocketAddress.Parse(lab.AdminSocket));
        string[] commands = ["show backend", $"get weight {HaproxyLab.Backend}/ctl1", $"show servers conn {HaproxyLab.Backend}",
            $"set server {HaproxyLab.Backend}/nosuch state drain", "show servers conn bulk001"];

        var together = BatchReply.Split(await node.SendAsync(string.Join(';', commands)), commands.Length);
        var alone = new List<string>();
        foreach (var command in commands)
        {
            alone.Add(await node.SendAsync(command));
        }

        together.ShouldBe(alone);
        together[3].ShouldBe("No such server.\n\n");
    }

    [Fact]
    public async Task Given_many_backends_When_show_stat_is_read_Then_a_reply_over_64_KiB_comes_back_whole()
    {
        var raw = await new LocalAdminSocket(AdminSocketAddress.Parse(lab.AdminSocket)).SendAsync("show stat");
        var rows = await Client.ShowStatAsync();

        raw.Length.ShouldBeGreaterThan(64 * 1024);
        rows.Count(r => r.Proxy.StartsWith("bulk", StringComparison.Ordinal)).ShouldBe(2 * HaproxyLab.BulkBackends);
        rows[^1].ShouldSatisfyAllConditions(r => r.Proxy.ShouldBe("bulk300"), r => r.Service.ShouldBe("BACKEND"));
        rows.Count(r => r.Proxy == HaproxyLab.Backend && r.IsServer).ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_user_level_socket_When_a_server_is_drained_Then_permission_is_denied_with_HAProxys_text()
    {
        var client = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse(lab.UserSocket)));

        var error = await Should.ThrowAsync<PermissionDeniedException>(() => client.SetStateAsync(HaproxyLab.Backend, "ctl1", ServerMode.Drain));

        error.HaproxyText.ShouldBe("Permission denied");
        (await client.ListServersAsync(HaproxyLab.Backend)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_tcp_admin_socket_When_backends_are_listed_Then_it_answers_like_the_unix_one()
    {
        var client = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse(HaproxyLab.TcpSocket)));

        (await client.ListBackendsAsync()).ShouldBe(await Client.ListBackendsAsync());
    }

    [Fact]
    public async Task Given_a_node_shell_When_the_socket_is_reached_through_socat_Then_the_whole_long_reply_comes_back()
    {
        await using var transport = new LocalTransport();
        var shell = transport.ShellFor(new Node("lb1", "127.0.0.1", [Role.Controller]));
        var client = new HaproxyClient(new NodeAdminSocket(shell, AdminSocketAddress.Parse(lab.AdminSocket)));

        (await client.ShowStatAsync()).Count.ShouldBe((await Client.ShowStatAsync()).Count);
        (await Should.ThrowAsync<UnknownServerException>(() => client.EnableServerAsync(HaproxyLab.Backend, "nosuch"))).HaproxyText
            .ShouldBe("No such server.");
    }

    [Fact]
    public async Task Given_no_socket_at_the_path_When_asked_Then_the_error_names_the_path_and_the_config_line_to_check()
    {
        var client = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse(Path.Combine(lab.Directory, "missing.sock"))));

        var error = await Should.ThrowAsync<AdminSocketUnreachableException>(() => client.ListBackendsAsync());

        error.Location.ShouldEndWith("missing.sock");
        error.Message.ShouldContain("stats socket");
    }
}
