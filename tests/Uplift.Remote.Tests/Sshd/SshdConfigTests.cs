using Uplift.Testing.Sshd;

namespace Uplift.Tests.Sshd;

public class SshdConfigTests
{
    [Fact]
    public void Given_a_rehearsal_node_When_rendered_Then_sshd_listens_on_its_address_for_its_account_only_with_keys()
    {
        var text = new SshdConfig(["127.0.30.7"], 2222, "/tmp/k/host", "/tmp/k/authorized_keys", "uplift-t").Render();

        var lines = text.Split('\n');
        lines.ShouldContain("ListenAddress 127.0.30.7:2222");
        lines.ShouldContain("HostKey /tmp/k/host");
        lines.ShouldContain("AuthorizedKeysFile /tmp/k/authorized_keys");
        lines.ShouldContain("AllowUsers uplift-t");
        lines.ShouldContain("PasswordAuthentication no");
        lines.ShouldContain("UsePAM no");
        // Mux sessions per connection: more than the default 10, or parallel commands to one node would be refused.
        lines.ShouldContain("MaxSessions 100");
    }

    [Fact]
    public void Given_more_addresses_than_sshd_accepts_When_rendered_Then_it_is_refused()
    {
        var addresses = Enumerable.Range(1, 17).Select(i => $"127.0.30.{i}").ToList();

        Should.Throw<ArgumentException>(() => new SshdConfig(addresses, 22, "h", "a", "u").Render()).Message.ShouldContain("1 to 16 addresses");
    }

    [Fact]
    public void Given_a_host_on_a_port_other_than_22_When_a_known_hosts_line_is_made_Then_it_is_bracketed_and_the_comment_dropped()
    {
        KnownHosts.Line("127.0.30.1", 2222, "ssh-ed25519 AAAAC3Nza host@x").ShouldBe("[127.0.30.1]:2222 ssh-ed25519 AAAAC3Nza");
        KnownHosts.Line("ctl1.example.net", 22, "ssh-ed25519 AAAAC3Nza").ShouldBe("ctl1.example.net ssh-ed25519 AAAAC3Nza");
    }
}
