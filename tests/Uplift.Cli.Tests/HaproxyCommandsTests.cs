namespace Uplift.Tests;

/// <summary>`uplift haproxy …` against a real HAProxy through --socket.</summary>
public sealed class HaproxyCommandsTests(HaproxyCliLab lab) : IClassFixture<HaproxyCliLab>, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        foreach (var server in new[] { "ctl1", "ctl2", "ctl10" })
        {
            lab.Uplift("enable-server", "-b", "novabe", "-s", server).Exit.ShouldBe(0);
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Given_a_socket_When_backends_are_listed_Then_each_name_is_on_its_line()
    {
        var (exit, output, _) = lab.Uplift("list-backends");

        exit.ShouldBe(0);
        output.ShouldBe("novabe\nkeystonepubbe\n");
    }

    [Fact]
    public void Given_a_backend_When_servers_are_listed_Then_a_table_shows_states_and_names_alone_on_request()
    {
        var table = lab.Uplift("list-servers", "-b", "novabe").Output.Split('\n');
        var names = lab.Uplift("list-servers", "-b", "novabe", "--names").Output;

        table[0].ShouldBe("SERVER  ADDRESS            OPERATIONAL  ADMIN  STATUS    SESSIONS  QUEUED");
        table[3].ShouldBe("ctl10   127.0.20.10:28001  running      -      no check  0         0");
        names.ShouldBe("ctl1\nctl2\nctl10\n");
    }

    [Fact]
    public void Given_ctl1_When_drained_with_wait_Then_it_is_drained_and_ctl10_is_untouched()
    {
        var (exit, output, error) = lab.Uplift("drain-server", "-b", "novabe", "-s", "ctl1", "--wait", "--timeout", "5", "--poll", "0.1");
        var servers = lab.Uplift("list-servers", "-b", "novabe").Output;

        exit.ShouldBe(0, error);
        output.ShouldStartWith("novabe/ctl1: drained in ");
        servers.ShouldContain("ctl1    127.0.20.1:28001   running      FDRAIN  DRAIN");
        servers.ShouldContain("ctl10   127.0.20.10:28001  running      -       no check");
    }

    [Fact]
    public void Given_a_drained_then_disabled_server_When_enabled_Then_each_step_says_the_state_before()
    {
        lab.Uplift("drain-server", "-b", "novabe", "-s", "ctl2").Output.ShouldBe("novabe/ctl2: drain (admin state before: -)\n");
        lab.Uplift("disable-server", "-b", "novabe", "-s", "ctl2").Output.ShouldBe("novabe/ctl2: maint (admin state before: FDRAIN)\n");
        lab.Uplift("enable-server", "-b", "novabe", "-s", "ctl2").Output.ShouldBe("novabe/ctl2: ready (admin state before: FMAINT)\n");
        lab.Uplift("list-servers", "-b", "novabe").Output.ShouldContain("ctl2    127.0.20.2:28001   running      -      no check");
    }

    [Fact]
    public async Task Given_a_drained_server_whose_address_answers_When_enabled_when_healthy_Then_it_is_ready()
    {
        lab.Uplift("drain-server", "-b", "novabe", "-s", "ctl2").Exit.ShouldBe(0);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Parse("127.0.20.2"), 28001);
        listener.Start();
        try
        {
            var (exit, output, error) = lab.Uplift("enable-server", "-b", "novabe", "-s", "ctl2", "--when-healthy", "--timeout", "5");

            exit.ShouldBe(0, error);
            output.ShouldStartWith("novabe/ctl2: ready once 127.0.20.2:28001 answered (");
            output.ShouldEndWith("(admin state before: FDRAIN)\n");
        }
        finally
        {
            listener.Stop();
        }
        await Task.CompletedTask;
    }

    [Fact]
    public void Given_a_drained_server_whose_address_is_dead_When_enabled_when_healthy_Then_exit_1_and_it_stays_drained()
    {
        lab.Uplift("drain-server", "-b", "novabe", "-s", "ctl10").Exit.ShouldBe(0);

        var (exit, _, error) = lab.Uplift("enable-server", "-b", "novabe", "-s", "ctl10", "--when-healthy", "--timeout", "0.5");

        exit.ShouldBe(1);
        error.ShouldContain("did not answer on 127.0.20.10:28001");
        lab.Uplift("list-servers", "-b", "novabe").Output.ShouldContain("ctl10   127.0.20.10:28001  running      FDRAIN");
    }

    [Fact]
    public void Given_an_unknown_server_When_drained_Then_exit_2_with_HAProxys_text_and_the_servers()
    {
        var (exit, output, error) = lab.Uplift("drain-server", "-b", "novabe", "-s", "ctl3");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("HAProxy said \"No such server.\"");
        error.ShouldContain("its servers are: ctl1, ctl2, ctl10");
    }

    [Fact]
    public void Given_an_unknown_backend_When_a_server_is_enabled_Then_exit_2_with_HAProxys_text_and_the_backends()
    {
        var (exit, _, error) = lab.Uplift("enable-server", "-b", "nosuch", "-s", "ctl1");

        exit.ShouldBe(2);
        error.ShouldContain("HAProxy said \"Can't find backend.\"");
        error.ShouldContain("its backends are: novabe, keystonepubbe");
    }

    [Fact]
    public void Given_a_backend_When_stats_are_shown_Then_its_servers_and_backend_line_are_listed()
    {
        var output = lab.Uplift("show-stat", "-b", "keystonepubbe").Output;

        output.ShouldBe("""
            PROXY          SERVICE  STATUS    SESSIONS  QUEUED  CHECK  ADDRESS
            keystonepubbe  ctl1     no check  0         0       -      127.0.20.1:28002
            keystonepubbe  BACKEND  UP        0         0       -      -

            """.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_no_socket_at_the_path_When_asked_Then_exit_1_says_where_and_what_to_check()
    {
        var (exit, _, error) = HaproxyCliLab.Run("list-backends", "--socket", Path.Combine(lab.Directory, "none.sock"));

        exit.ShouldBe(1);
        error.ShouldContain("no socket at this path");
        error.ShouldContain("stats socket <path> level admin");
    }

    [Theory]
    [InlineData("drain-server", "-b", "nova;be", "-s", "ctl1")]
    [InlineData("list-servers", "--node", "ctl1", "-b", "novabe")]
    [InlineData("drain-server", "-b", "novabe", "-s", "ctl1", "--wait", "--poll", "0")]
    public void Given_bad_input_When_run_Then_exit_2_and_nothing_changes(params string[] args)
    {
        lab.Uplift(args).Exit.ShouldBe(2);
        lab.Uplift("list-servers", "-b", "novabe").Output.ShouldNotContain("DRAIN");
    }

    [Fact]
    public void Given_bash_When_completion_is_asked_Then_a_completion_script_is_printed()
    {
        var (exit, output, _) = HaproxyCliLab.Run("completion", "bash");

        exit.ShouldBe(0);
        output.ShouldContain("complete -F _uplift_haproxy uplift");
    }
}
