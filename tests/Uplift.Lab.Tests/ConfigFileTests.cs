using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The configuration files the lab writes, checked by the real programs that read them.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uplift-lab-config-").FullName;
    private readonly LabLayout _lab;

    public ConfigFileTests() =>
        _lab = new LabLayout(new LabOptions(Controllers: 3, Network: 1, Computes: 3, Volumes: 1, StateDirectory: _directory), CatalogLoader.LoadEmbedded());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GivenTheHaproxyConfig_WhenHaproxyChecksIt_ThenItIsValid()
    {
        var file = Path.Combine(_directory, "haproxy.cfg");
        // The lab account exists only while a lab is up: check the rest with root as the socket's owner.
        await File.WriteAllTextAsync(file, HaproxyConfig.For(_lab).Replace("user uplift-lab", "user root", StringComparison.Ordinal));

        var check = await LocalProgram.RunAsync("haproxy", ["-c", "-f", file]);

        check.ExitCode.ShouldBe(0, check.Error + check.Output);
    }

    [Fact]
    public void GivenTheHaproxyConfig_ThenEveryApiHasABackendWithEveryControllerNamedAfterItsNode()
    {
        var config = HaproxyConfig.For(_lab);

        config.ShouldContain("backend novabe");
        config.ShouldContain("backend keystonepubbe");
        config.ShouldContain("bind 127.0.10.250:8774");
        config.ShouldContain("server ctl3 127.0.10.3:8774 check");
        config.ShouldContain("option httpchk");
        config.ShouldContain("level admin");
        config.ShouldNotContain("redispatch");
        config.ShouldNotContain("server net1");
    }

    [Fact]
    public async Task GivenANodesSshdConfig_WhenSshdTestsIt_ThenItIsValidAndPutsTheNodesShimsFirstOnPath()
    {
        var node = _lab.Nodes[1];
        var config = Path.Combine(_directory, "sshd_config");
        var text = SshdConfig.For(_lab, node).Replace(_lab.Paths.HostKey(node.Name), Path.Combine(_directory, "host_key"), StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text);
        await LocalProgram.CheckAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(_directory, "host_key")]);

        // sshd -t insists on its privilege separation directory, which exists only while some sshd runs.
        var privsep = !Directory.Exists("/run/sshd");
        Directory.CreateDirectory("/run/sshd");
        LocalProgram.Result check;
        try
        {
            check = await LocalProgram.RunAsync("/usr/sbin/sshd", ["-t", "-f", config]);
        }
        finally
        {
            if (privsep)
            {
                Directory.Delete("/run/sshd");
            }
        }

        check.ExitCode.ShouldBe(0, check.Error);
        text.ShouldContain("ListenAddress 127.0.10.2:22");
        text.ShouldContain($"SetEnv PATH={_directory}/nodes/ctl2/bin:/usr/bin:/bin");
    }

    [Fact]
    public void GivenTheLabInventory_WhenLoadedByUplift_ThenItDescribesTheLabNodesKeyAndPinnedHostKeys()
    {
        var inventory = InventoryLoader.Parse(LabInventory.For(_lab), "lab inventory");

        inventory.Nodes.Select(n => (n.Name, n.Address)).ShouldBe(_lab.Nodes.Select(n => (n.Name, n.Address)));
        inventory.WithRole(Role.Compute).Select(n => n.AvailabilityZone).ShouldBe(["az1", "az1", "az2"]);
        inventory.Ssh.User.ShouldBe("uplift-lab");
        inventory.Ssh.IdentityFile.ShouldBe(_lab.Paths.PrivateKey);
        inventory.Ssh.KnownHostsFile.ShouldBe(_lab.Paths.KnownHosts);
        inventory.Ssh.StrictHostKeyChecking.ShouldBeTrue();
        inventory.Pacemaker.ApiVip.ShouldBe("openstack-api-vip");
        inventory.Haproxy.Socket.ShouldBe(_lab.Paths.HaproxySocket);
        inventory.Database.CredentialsFile.ShouldBe(_lab.Paths.MyCnf);
    }

    [Fact]
    public void GivenTheReadme_ThenItSaysPlainlyThatTheLabIsNotOpenStack()
    {
        LabReadme.For(_lab).ShouldStartWith(LabReadme.Notice);
        LabReadme.Notice.ShouldContain("not OpenStack");
        LabReadme.Notice.ShouldContain("rehearsal cluster");
    }

    [Fact]
    public void GivenTheLabOfRealOpenStackCode_ThenItsInventoryAndCloudsYamlSayItsCodeIsRealAndTheShimLabsThatItIsNot()
    {
        var real = new LabLayout(_lab.Options with { OpenStack = true }, CatalogLoader.LoadEmbedded());

        LabInventory.For(real).ShouldStartWith("# Uplift lab: a rehearsal cluster on this machine, its nodes running real OpenStack code");
        var inventory = InventoryLoader.Parse(LabInventory.For(real), "lab inventory");
        inventory.Nodes.Count.ShouldBe(real.Nodes.Count);
        inventory.Haproxy.DrainTimeoutSeconds.ShouldBe(60, "real code's slow requests get the default drain time");
        InventoryLoader.Parse(LabInventory.For(_lab), "lab inventory").Haproxy.DrainTimeoutSeconds.ShouldBe(10);
        LabCloud.CloudsYaml("pw", openStack: true).ShouldStartWith("# Uplift lab of real OpenStack code");
        LabInventory.For(_lab).ShouldContain("It is not OpenStack.");
        LabCloud.CloudsYaml("pw").ShouldContain("not OpenStack");
    }
}
