using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Replies;

public sealed class AdminReplyTests
{
    private const string Where = "/run/haproxy/admin.sock";

    [Fact]
    public void Given_No_such_server_from_a_real_haproxy_When_checked_Then_an_unknown_server_error_carries_the_exact_text()
    {
        var reply = Fixtures.ReadShared("haproxy/error_enable_server_novabe_nosuch.txt");

        var error = Should.Throw<UnknownServerException>(() =>
            AdminReply.Check(Where, "enable server novabe/nosuch", reply, "novabe", "nosuch", isAction: true));

        error.HaproxyText.ShouldBe("No such server.");
        (error.Backend, error.Server, error.Command, error.Location).ShouldBe(("novabe", "nosuch", "enable server novabe/nosuch", Where));
        error.Message.ShouldContain("No such server.");
        error.Message.ShouldContain("novabe");
    }

    [Fact]
    public void Given_No_such_backend_from_a_real_haproxy_When_checked_Then_an_unknown_backend_error_carries_the_exact_text()
    {
        var reply = Fixtures.ReadShared("haproxy/error_set_server_nosuch_ctl1_state_drain.txt");

        var error = Should.Throw<UnknownBackendException>(() =>
            AdminReply.Check(Where, "set server nosuch/ctl1 state drain", reply, "nosuch", "ctl1", isAction: true));

        error.HaproxyText.ShouldBe("No such backend.");
        error.Backend.ShouldBe("nosuch");
    }

    [Theory]
    [InlineData("Can't find backend.\n\n")]
    [InlineData("No such proxy.\n\n")]
    public void Given_the_other_unknown_backend_texts_When_checked_Then_they_are_unknown_backend_errors(string reply) =>
        Should.Throw<UnknownBackendException>(() => AdminReply.Check(Where, "show servers state x", reply, "x"))
            .HaproxyText.ShouldBe(reply.Trim());

    [Fact]
    public void Given_Permission_denied_When_checked_Then_a_permission_error_says_to_use_a_level_admin_socket()
    {
        var error = Should.Throw<PermissionDeniedException>(() =>
            AdminReply.Check(Where, "set server novabe/ctl1 state drain", "Permission denied\n\n", "novabe", "ctl1", isAction: true));

        error.HaproxyText.ShouldBe("Permission denied");
        error.Message.ShouldContain("level admin");
    }

    [Fact]
    public void Given_Unknown_command_with_its_usage_When_checked_Then_only_the_first_line_is_kept()
    {
        const string reply = "Unknown command, but maybe one of the following ones is a better match:\n  show backend  : list backends\n\n";

        Should.Throw<UnknownCommandException>(() => AdminReply.Check(Where, "show backends", reply))
            .HaproxyText.ShouldBe("Unknown command, but maybe one of the following ones is a better match:");
    }

    [Fact]
    public void Given_a_severity_prefix_When_checked_Then_the_error_is_still_recognised() =>
        Should.Throw<UnknownServerException>(() => AdminReply.Check(Where, "enable server a/b", "[3]: No such server.\n\n", "a", "b", true));

    [Theory]
    [InlineData("drain_01_set_server_state_drain.txt")]
    [InlineData("maint_01_set_server_state_maint.txt")]
    [InlineData("ready_01_set_server_state_ready.txt")]
    [InlineData("disable_01_disable_server.txt")]
    public void Given_the_empty_line_a_successful_action_answers_When_checked_Then_it_passes(string fixture) =>
        AdminReply.Check(Where, "set server novabe/ctl1.example.net state drain", Fixtures.ReadShared("haproxy/" + fixture), isAction: true)
            .ShouldBe("\n");

    [Fact]
    public void Given_any_other_text_after_an_action_When_checked_Then_the_action_is_rejected_with_that_text()
    {
        const string reply = "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n\n";

        Should.Throw<CommandRejectedException>(() => AdminReply.Check(Where, "set server a/b state x", reply, "a", "b", isAction: true))
            .HaproxyText.ShouldBe(reply.Trim());
    }

    [Fact]
    public void Given_a_listing_When_checked_Then_it_comes_back_untouched()
    {
        var reply = Fixtures.ReadShared("haproxy/show_backend.txt");

        AdminReply.Check(Where, "show backend", reply).ShouldBe(reply);
    }
}
