using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class OpenSshArgumentsTests
{
    private static readonly SshDestination Ctl1 = new("10.0.0.11", 22, "root");

    private static string Joined(IReadOnlyList<string> arguments) => string.Join(' ', arguments);

    [Fact]
    public void Given_default_settings_When_a_command_is_built_Then_it_is_batch_strict_and_multiplexed()
    {
        var arguments = OpenSshArguments.ForCommand(new SshSettings(), new OpenSshOptions(), Ctl1, "/tmp/uplift-x/m1", true, "uptime");

        var text = Joined(arguments);
        text.ShouldContain("-o BatchMode=yes");
        text.ShouldContain("-o StrictHostKeyChecking=yes");
        text.ShouldContain("-o ControlMaster=auto");
        text.ShouldContain("-o ControlPersist=300");
        text.ShouldContain("-o ControlPath=/tmp/uplift-x/m1");
        text.ShouldContain("-o ConnectTimeout=10");
        text.ShouldContain("-o ServerAliveInterval=15");
        text.ShouldNotContain("UserKnownHostsFile");
        text.ShouldNotContain("-F ");
        arguments.TakeLast(3).ShouldBe(["--", "10.0.0.11", "uptime"]);
        arguments.ShouldContain("-n");
        arguments.ShouldContain("-T");
    }

    [Fact]
    public void Given_inventory_ssh_settings_When_a_command_is_built_Then_each_setting_reaches_ssh()
    {
        var settings = new SshSettings(
            KnownHostsFile: "/etc/uplift/known_hosts", IdentityFile: "/etc/uplift/id_ed25519", JumpHost: "ops@bastion:2200",
            ConfigFile: "/etc/uplift/ssh_config", ConnectTimeoutSeconds: 3);
        var destination = SshDestination.For(new Node("cmp7", "10.0.1.7", [Role.Compute], User: "deploy", Port: 2022), settings);

        var text = Joined(OpenSshArguments.ForCommand(settings, new OpenSshOptions(), destination, "/tmp/u/m2", false, "true"));

        text.ShouldStartWith("-F /etc/uplift/ssh_config ");
        text.ShouldContain("-o UserKnownHostsFile=/etc/uplift/known_hosts");
        text.ShouldContain("-i /etc/uplift/id_ed25519 -o IdentitiesOnly=yes");
        text.ShouldContain("-J ops@bastion:2200");
        text.ShouldContain("-o ConnectTimeout=3");
        text.ShouldContain("-p 2022 -l deploy");
        text.ShouldNotContain(" -n ");
    }

    [Fact]
    public void Given_strict_checking_off_in_the_inventory_When_built_Then_only_new_keys_are_accepted()
    {
        var text = Joined(OpenSshArguments.ForCommand(new SshSettings(StrictHostKeyChecking: false), new OpenSshOptions(), Ctl1, "/tmp/u/m1", true, "true"));

        text.ShouldContain("-o StrictHostKeyChecking=accept-new");
    }

    [Fact]
    public void Given_the_explicit_accept_new_option_When_built_Then_only_new_keys_are_accepted()
    {
        var text = Joined(OpenSshArguments.ForCommand(new SshSettings(), new OpenSshOptions(AcceptNewHostKeys: true), Ctl1, "/tmp/u/m1", true, "true"));

        text.ShouldContain("-o StrictHostKeyChecking=accept-new");
    }

    [Fact]
    public void Given_paths_with_a_space_and_a_percent_When_built_Then_ssh_reads_them_as_one_literal_path()
    {
        var settings = new SshSettings(KnownHostsFile: "/srv/my hosts/known_hosts");

        var arguments = OpenSshArguments.ForCommand(settings, new OpenSshOptions(), Ctl1, "/tmp/100%/m1", true, "true");

        arguments.ShouldContain("UserKnownHostsFile=\"/srv/my hosts/known_hosts\"");
        arguments.ShouldContain("ControlPath=/tmp/100%%/m1");
    }

    [Fact]
    public void Given_a_control_request_When_built_Then_it_targets_the_same_master_socket()
    {
        var arguments = OpenSshArguments.ForControl(new SshSettings(), new OpenSshOptions(), Ctl1, "/tmp/u/m1", "exit");

        Joined(arguments).ShouldContain("-o ControlPath=/tmp/u/m1");
        arguments.TakeLast(4).ShouldBe(["-O", "exit", "--", "10.0.0.11"]);
    }

    [Fact]
    public void Given_a_config_file_under_home_When_built_Then_the_tilde_is_expanded_because_ssh_does_not_for_F()
    {
        var arguments = OpenSshArguments.ForCommand(new SshSettings(ConfigFile: "~/.ssh/uplift_config"), new OpenSshOptions(), Ctl1, "/tmp/u/m1", true, "true");

        arguments[1].ShouldBe(Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".ssh/uplift_config"));
    }

    [Fact]
    public void Given_an_identity_file_that_does_not_exist_When_the_transport_is_made_Then_it_is_refused_before_any_connection()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"uplift-no-key-{Guid.NewGuid():N}");

        var refused = Should.Throw<Diagnostics.InputException>(() => new OpenSshTransport(new SshSettings(IdentityFile: missing)));

        refused.Message.ShouldContain($"the ssh identity file {missing} does not exist");
        OpenSshArguments.MissingIdentity(new SshSettings(IdentityFile: missing)).ShouldBe(missing);
    }

    [Fact]
    public void Given_an_identity_file_that_exists_or_none_When_checked_Then_nothing_is_missing()
    {
        var key = Path.GetTempFileName();
        try
        {
            OpenSshArguments.MissingIdentity(new SshSettings(IdentityFile: key)).ShouldBeNull();
            OpenSshArguments.MissingIdentity(new SshSettings()).ShouldBeNull();
        }
        finally
        {
            File.Delete(key);
        }
    }
}
