using Uplift.Haproxy;
using Uplift.Testing;
using Uplift.Tests.Fakes;

namespace Uplift.Tests.Draining;

public sealed class ServerDrainTests
{
    private const string Stat = "show stat novabe 4 -1";
    private const string Header = "# pxname,svname,qcur,qmax,scur,smax,status\n";

    private readonly ScriptedAdminSocket _socket = new ScriptedAdminSocket()
        .OnFixture("show servers state novabe", "show_servers_state_novabe.txt")
        .On("set server novabe/ctl1.example.net state drain", "\n");

    private readonly TestClock _clock = new();

    private ServerDrain Drain => new(new HaproxyClient(_socket), _clock);

    private static string Ctl1(string status, int scur, int qcur) =>
        $"{Header}novabe,ctl1.example.net,{qcur},0,{scur},0,{status}\nnovabe,ctl10.example.net,0,0,7,0,UP\n\n";

    [Fact]
    public async Task Given_requests_in_flight_When_ctl1_is_drained_Then_it_waits_until_no_session_and_no_queue_is_left()
    {
        _socket.On(Stat, Ctl1("DRAIN", 2, 1), Ctl1("DRAIN", 1, 0), Ctl1("DRAIN", 0, 0));

        var drain = Drain.DrainAsync("novabe", "ctl1.example.net", new DrainOptions { PollInterval = TimeSpan.FromSeconds(2) });
        await _clock.RunAsync(drain);
        var outcome = await drain;

        outcome.Drained.ShouldBeTrue();
        (outcome.Polls, outcome.Elapsed).ShouldBe((3, TimeSpan.FromSeconds(4)));
        outcome.PreviousAdminState.ShouldBe(ServerAdminState.None);
        outcome.ThrowIfTimedOut().ShouldBe(outcome);
        // The state before, the drain and the first poll share one connection; the later polls have one each.
        _socket.Sent.ShouldBe(["show servers state novabe;set server novabe/ctl1.example.net state drain;" + Stat, Stat, Stat]);
    }

    [Fact]
    public async Task Given_a_session_that_never_ends_When_the_timeout_runs_out_Then_the_outcome_says_timed_out_and_can_be_thrown()
    {
        _socket.On(Stat, Ctl1("DRAIN", 1, 0));

        var drain = Drain.DrainAsync("novabe", "ctl1.example.net",
            new DrainOptions { PollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(5) });
        await _clock.RunAsync(drain);
        var outcome = await drain;

        outcome.TimedOut.ShouldBeTrue();
        outcome.Elapsed.ShouldBe(TimeSpan.FromSeconds(5));
        outcome.Polls.ShouldBe(4);
        var error = Should.Throw<DrainTimeoutException>(() => outcome.ThrowIfTimedOut());
        error.Message.ShouldContain("novabe/ctl1.example.net still has 1 session(s)");
        error.Outcome.Last.SessionsCurrent.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_server_still_UP_When_idle_Then_it_is_not_yet_drained_but_DOWN_and_idle_is()
    {
        _socket.On(Stat, Ctl1("UP", 0, 0), Ctl1("DOWN", 0, 0));

        var drain = Drain.DrainAsync("novabe", "ctl1.example.net");
        await _clock.RunAsync(drain);

        (await drain).Polls.ShouldBe(2);
    }

    [Theory]
    [InlineData(ServerAdminState.None, "ready")]
    [InlineData(ServerAdminState.ForcedMaintenance, "maint")]
    [InlineData(ServerAdminState.ForcedMaintenance | ServerAdminState.ForcedDrain, "maint")]
    [InlineData(ServerAdminState.ForcedDrain, "drain")]
    [InlineData(ServerAdminState.FqdnFromSocket, "ready")]
    public async Task Given_the_state_before_a_drain_When_restored_Then_that_state_is_set_again(ServerAdminState previous, string state)
    {
        _socket.On($"set server novabe/ctl1 state {state}", "\n");

        await Drain.RestoreAsync("novabe", "ctl1", previous);

        _socket.Sent.ShouldBe([$"set server novabe/ctl1 state {state}"]);
    }

    [Fact]
    public async Task Given_a_server_in_maintenance_When_drained_Then_the_outcome_keeps_its_previous_state()
    {
        _socket.OnFixture("show servers state novabe", "maint_02_show_servers_state_novabe.txt")
            .OnFixture(Stat, "drain_03_show_stat_novabe_4_-1.txt");

        var outcome = await Drain.DrainAsync("novabe", "ctl1.example.net");

        outcome.PreviousAdminState.ShouldBe(ServerAdminState.ForcedMaintenance);
        outcome.Polls.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_service_that_answers_on_the_third_probe_When_enabled_after_healthy_Then_ready_is_sent_only_then()
    {
        _socket.On("set server novabe/ctl1.example.net state ready", "\n");
        var probed = new List<string>();
        var answers = new Queue<bool>([false, false, true]);

        var enable = Drain.EnableAfterHealthyAsync("novabe", "ctl1.example.net", (server, _) =>
        {
            probed.Add($"{server.Address}:{server.Port}");
            probed.Count.ShouldBeLessThan(4);
            _socket.Sent.ShouldNotContain("set server novabe/ctl1.example.net state ready");
            return Task.FromResult(answers.Dequeue());
        });
        await _clock.RunAsync(enable);

        (await enable).ShouldBe(TimeSpan.FromSeconds(2));
        probed.ShouldBe(["127.0.0.1:28774", "127.0.0.1:28774", "127.0.0.1:28774"]);
        // Then HAProxy's view: the fixture's ctl1 is running, so one look ends it.
        _socket.Sent.TakeLast(2).ShouldBe(["set server novabe/ctl1.example.net state ready", "show servers state novabe"]);
    }

    [Fact]
    public async Task Given_an_answering_service_its_checks_never_see_up_When_enabled_after_healthy_Then_it_is_ready_but_the_error_says_HAProxy_sends_it_nothing()
    {
        _socket.On("set server novabe/ctl10.example.net state ready", "\n");

        var enable = Drain.EnableAfterHealthyAsync("novabe", "ctl10.example.net", (_, _) => Task.FromResult(true),
            new DrainOptions { Timeout = TimeSpan.FromSeconds(3) });
        await _clock.RunAsync(enable.ContinueWith(_ => { }, TaskScheduler.Default));

        var error = await Should.ThrowAsync<ServerNotSeenUpException>(enable);
        error.Message.ShouldContain("novabe/ctl10.example.net is back in rotation (ready) but HAProxy's health checks still see it down");
        _socket.Sent.ShouldContain("set server novabe/ctl10.example.net state ready");
    }

    [Fact]
    public async Task Given_a_service_that_never_answers_When_enabled_after_healthy_Then_it_stays_out_of_rotation()
    {
        var enable = Drain.EnableAfterHealthyAsync("novabe", "ctl1.example.net", (_, _) => Task.FromResult(false),
            new DrainOptions { Timeout = TimeSpan.FromSeconds(3) });
        await _clock.RunAsync(enable).ShouldThrowAsync<BackendNotAnsweringException>();

        var error = await Should.ThrowAsync<BackendNotAnsweringException>(() => enable);
        error.Address.ShouldBe("127.0.0.1:28774");
        _socket.Sent.ShouldNotContain(c => c.Contains("state ready"));
    }

    [Fact]
    public void Given_a_zero_poll_interval_When_validated_Then_it_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DrainOptions { PollInterval = TimeSpan.Zero }.Validated());

    private static string Ctl10Up() =>
        Fixtures.ReadShared("haproxy/show_servers_state_novabe.txt").Replace("ctl10.example.net 127.0.0.1 0 0", "ctl10.example.net 127.0.0.1 2 0", StringComparison.Ordinal);

    [Fact]
    public async Task Given_a_ready_server_its_checks_see_down_When_waited_for_Then_it_ends_once_they_see_it_up_looking_after_short_first_pauses()
    {
        var down = Fixtures.ReadShared("haproxy/show_servers_state_novabe.txt");
        _socket.On("show servers state novabe", down, down, Ctl10Up());
        var start = _clock.GetUtcNow();

        var waiting = Drain.WaitUntilSeenUpAsync("novabe", "ctl10.example.net", null, new DrainOptions { PollInterval = TimeSpan.FromSeconds(1) });
        await _clock.RunAsync(waiting);
        var (last, seen) = await waiting;

        seen.ShouldBeTrue();
        last.OperationalState.ShouldBe(ServerOperationalState.Running);
        (_clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(0.3), "0.1 s, then 0.2 s between the looks");
        _socket.Sent.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_server_its_checks_never_see_up_When_waited_for_Then_it_gives_up_at_the_timeout_with_the_last_state()
    {
        _socket.OnFixture("show servers state novabe", "show_servers_state_novabe.txt");
        var start = _clock.GetUtcNow();

        var waiting = Drain.WaitUntilSeenUpAsync("novabe", "ctl10.example.net", null, new DrainOptions { Timeout = TimeSpan.FromSeconds(5) });
        await _clock.RunAsync(waiting);
        var (last, seen) = await waiting;

        seen.ShouldBeFalse();
        last.OperationalState.ShouldBe(ServerOperationalState.Stopped);
        (_clock.GetUtcNow() - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Given_a_server_already_seen_up_When_waited_for_with_its_state_Then_nothing_is_asked()
    {
        var state = await new HaproxyClient(_socket).GetServerAsync("novabe", "ctl1.example.net");
        var sent = _socket.Sent.Count;

        var (_, seen) = await Drain.WaitUntilSeenUpAsync("novabe", "ctl1.example.net", state);

        seen.ShouldBeTrue();
        _socket.Sent.Count.ShouldBe(sent);
    }
}
