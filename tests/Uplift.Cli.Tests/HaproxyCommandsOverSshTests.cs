using Uplift.Inventory;
using Uplift.Testing.Sshd;

namespace Uplift.Tests;

/// <summary>`uplift haproxy … --inventory F --node N`: HAProxy's socket reached on a real sshd node (127.0.20.50:28222, account uplift-thc) through socat.</summary>
public sealed class HaproxyCommandsOverSshTests(HaproxyCliLab lab) : IClassFixture<HaproxyCliLab>, IAsyncLifetime
{
    private LoopbackSshCluster _cluster = null!;
    private string _inventory = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LoopbackSshCluster.StartAsync([new Node("lb1", "127.0.20.50", [Role.Controller])], 28222, "uplift-thc");
        _inventory = Path.Combine(_cluster.Directory, "inventory.yaml");
        var ssh = _cluster.Ssh;
        await File.WriteAllTextAsync(_inventory, $"""
            cluster: haproxy-cli-test
            nodes:
              - {"{"}name: lb1, address: 127.0.20.50, roles: [controller]{"}"}
            haproxy:
              socket: {lab.Socket}
            ssh:
              user: {ssh.User}
              port: {ssh.Port}
              known_hosts: {ssh.KnownHostsFile}
              identity: {ssh.IdentityFile}
              config: {ssh.ConfigFile}
              connect_timeout: 5
            """);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public void Given_an_inventory_node_When_servers_are_listed_and_drained_Then_HAProxy_answers_through_ssh_and_socat()
    {
        var list = HaproxyCliLab.Run("list-servers", "-b", "novabe", "--names", "--inventory", _inventory, "--node", "lb1");
        var drain = HaproxyCliLab.Run("drain-server", "-b", "novabe", "-s", "ctl10", "--wait", "--inventory", _inventory, "--node", "lb1");
        var enable = HaproxyCliLab.Run("enable-server", "-b", "novabe", "-s", "ctl10", "--inventory", _inventory, "--node", "lb1");

        (list.Exit, list.Output).ShouldBe((0, "ctl1\nctl2\nctl10\n"), list.Error);
        drain.Exit.ShouldBe(0, drain.Error);
        drain.Output.ShouldStartWith("novabe/ctl10: drained in ");
        enable.Output.ShouldBe("novabe/ctl10: ready (admin state before: FDRAIN)\n");
    }

    [Fact]
    public void Given_an_unknown_server_on_a_node_When_drained_Then_exit_2_names_the_node_socket_and_HAProxys_text()
    {
        var (exit, _, error) = HaproxyCliLab.Run("drain-server", "-b", "novabe", "-s", "ctl3", "--inventory", _inventory, "--node", "lb1");

        exit.ShouldBe(2);
        error.ShouldContain($"lb1:{lab.Socket}");
        error.ShouldContain("HAProxy said \"No such server.\"");
    }

    [Fact]
    public void Given_a_node_not_in_the_inventory_When_asked_Then_exit_2_lists_the_nodes()
    {
        var (exit, _, error) = HaproxyCliLab.Run("list-backends", "--inventory", _inventory, "--node", "lb9");

        exit.ShouldBe(2);
        error.ShouldContain("its nodes are: lb1");
    }
}
