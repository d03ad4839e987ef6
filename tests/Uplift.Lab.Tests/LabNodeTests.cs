using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The lab's nodes through real sshd: login, PATH, host keys, the package and unit shims.</summary>
[Collection("lab")]
public class LabNodeTests(LabFixture lab)
{
    [Fact]
    public async Task GivenALabNode_WhenLoggedInWithTheLabKey_ThenItIsAPlainShellWithTheNodesShimsFirstOnPath()
    {
        var result = await lab.SshAsync("net1", "id -un; echo $PATH; command -v apt-get; readlink /proc/$$/exe");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Split('\n').ShouldBe(["uplift-lab", $"{lab.Paths.NodeBin("net1")}:/usr/bin:/bin",
            Path.Combine(lab.Paths.NodeBin("net1"), "apt-get"), "/usr/bin/dash", ""]);
    }

    [Fact]
    public async Task GivenAnEmptyKnownHostsFile_WhenConnectingWithStrictChecking_ThenTheHostIsRefused()
    {
        var empty = Path.Combine(lab.State, "empty_known_hosts");
        await File.WriteAllTextAsync(empty, "");

        var result = await LabFixture.Ssh(lab.Paths, lab.Node("ctl1").Address, "true", empty);

        result.ExitCode.ShouldBe(255);
        result.Error.ShouldContain("Host key verification failed");
    }

    [Fact]
    public async Task GivenANewerRelease_WhenAPackageIsInstalledTwice_ThenTheSecondInstallIsANoOp()
    {
        await lab.SwitchToNextReleaseAsync("cmp1");
        var policy = await lab.SshAsync("cmp1", "apt-cache policy nova-compute");
        policy.Output.ShouldContain("Installed: 31.0.0-1");
        policy.Output.ShouldContain("Candidate: 32.0.0-1");

        var first = await lab.SshAsync("cmp1", "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold nova-compute");
        var second = await lab.SshAsync("cmp1", "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold nova-compute");
        var query = await lab.SshAsync("cmp1", "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\n' nova-compute nosuchpkg");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("Unpacking nova-compute (32.0.0-1) over (31.0.0-1) ...");
        first.Output.ShouldContain("1 upgraded, 0 newly installed");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldContain("nova-compute is already the newest version (32.0.0-1).");
        second.Output.ShouldContain("0 upgraded, 0 newly installed");
        query.ExitCode.ShouldBe(1);
        query.Output.ShouldBe("nova-compute\t32.0.0-1\tii \n");
        query.Error.ShouldBe("dpkg-query: no packages found matching nosuchpkg\n");
        var installs = CommandLogEntry.Parse(await File.ReadAllTextAsync(lab.Paths.CommandLog("cmp1")))
            .Where(e => e.CommandLine.StartsWith("apt-get install", StringComparison.Ordinal)).ToList();
        installs.Count.ShouldBe(2);
        installs.ShouldAllBe(e => e.ExitCode == 0 && e.Node == "cmp1");
    }

    [Fact]
    public async Task GivenANewerRelease_WhenAnInstallIsSimulated_ThenItListsWhatItWouldUnpackAsRealAptDoesAndChangesNothing()
    {
        await lab.SwitchToNextReleaseAsync("net1");
        var policy = (await lab.SucceedAsync("net1", "apt-cache policy neutron-openvswitch-agent")).Output;
        string Version(string label) => policy.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();
        var (installed, candidate) = (Version("Installed:"), Version("Candidate:"));
        installed.ShouldNotBe(candidate);

        var simulated = await lab.SshAsync("net1", Nodes.AptSimulation.Install(["neutron-openvswitch-agent"]));
        var after = await lab.SucceedAsync("net1", "dpkg-query -W -f='${Version}' neutron-openvswitch-agent");

        simulated.ExitCode.ShouldBe(0, simulated.Error);
        Nodes.AptSimulation.Parse(simulated.Output).ShouldBe([new Nodes.AptSimulation.Change("neutron-openvswitch-agent", installed, candidate)]);
        after.Output.ShouldBe(installed);
    }

    [Fact]
    public async Task GivenTwoNodes_WhenOneWritesItsAptSourcesAtTheRealPath_ThenOnlyThatNodeSeesItAndTheHostIsUntouched()
    {
        var file = lab.Lab.Catalog.Apt.SourcesFile;
        var hostBefore = File.Exists(file);

        await lab.SucceedAsync("vol1", $"echo 'deb http://example.invalid/debian bookworm-gazpacho-backports main' > {file}");
        var vol1 = await lab.SucceedAsync("vol1", $"cat {file}; cat /etc/cinder/cinder.conf");
        var net1 = await lab.SucceedAsync("net1", $"cat {file}");
        var initial = lab.Lab.Catalog.Apt.ContentFor(lab.Lab.Release).Replace(Catalog.AptSettings.Codename, "bookworm", StringComparison.Ordinal);
        await lab.SucceedAsync("vol1", $"printf '%s' '{initial}' > {file}");

        vol1.Output.ShouldStartWith("deb http://example.invalid/debian bookworm-gazpacho-backports main\n# Uplift lab node vol1");
        net1.Output.ShouldBe(initial);
        File.Exists(file).ShouldBe(hostBefore);
    }

    [Fact]
    public async Task GivenAStoppedNode_WhenReached_ThenItAloneIsUnreachableUntilStartedAgain()
    {
        await LabNodeControl.StopAsync(lab.Lab, "net1", TimeProvider.System, CancellationToken.None);
        var stopped = await lab.SshAsync("net1", "true");
        var other = await lab.SshAsync("vol1", "true");
        await LabNodeControl.StartAsync(lab.Lab, "net1", CancellationToken.None);
        var back = await lab.SshAsync("net1", "systemctl is-active neutron-l3-agent");

        stopped.ExitCode.ShouldBe(255);
        stopped.Error.ShouldContain("Connection refused");
        other.ExitCode.ShouldBe(0);
        back.ExitCode.ShouldBe(0, back.Error);
        back.Output.ShouldBe("active\n");
    }

    [Fact]
    public async Task GivenAnUnknownPackage_WhenItsPolicyIsAsked_ThenNothingIsPrintedAndItExitsZero()
    {
        var result = await lab.SshAsync("vol1", "apt-cache policy nosuchpkg");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task GivenAMaskedUnit_WhenStarted_ThenItRefusesLikeSystemdUntilUnmasked()
    {
        var masked = await lab.SshAsync("ctl1", "systemctl stop cinder-scheduler && systemctl mask cinder-scheduler && systemctl start cinder-scheduler");
        var state = await lab.SshAsync("ctl1", "systemctl is-enabled cinder-scheduler; systemctl is-active cinder-scheduler");
        var back = await lab.SshAsync("ctl1", "systemctl unmask cinder-scheduler && systemctl start cinder-scheduler && systemctl is-active cinder-scheduler");

        masked.ExitCode.ShouldBe(1);
        masked.Error.ShouldContain("Failed to start cinder-scheduler.service: Unit cinder-scheduler.service is masked.");
        state.Output.ShouldBe("masked\ninactive\n");
        state.ExitCode.ShouldBe(3);
        back.ExitCode.ShouldBe(0, back.Error);
        back.Output.ShouldBe("active\n");
    }

    [Fact]
    public async Task GivenTheVip_WhenLocated_ThenTheFirstControllerHoldsIt()
    {
        var result = await lab.SshAsync("ctl2", "crm resource locate openstack-api-vip");

        result.Output.ShouldBe("resource openstack-api-vip is running on: ctl1\n");
    }

    [Fact]
    public async Task GivenTheLabDatabase_WhenQueriedWithItsCredentialsFile_ThenTheOpenStackSchemasHoldRows()
    {
        var result = await lab.SshAsync("ctl1", $"mariadb --defaults-file={lab.Paths.MyCnf} -N -e 'SELECT COUNT(*) FROM nova.instances; SHOW DATABASES'");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(LabDatabase.RowsPerTable.ToString(System.Globalization.CultureInfo.InvariantCulture));
        LabDatabases.Schemas.Select(s => s.Schema).ShouldBeSubsetOf(lines);
    }

    [Fact]
    public async Task GivenTheLab_WhenStatusIsAsked_ThenItSaysItIsNotOpenStackAndEveryNodeIsUp()
    {
        var report = await LabStatus.ReportAsync(lab.State, lab.Lab.Catalog, CancellationToken.None);

        report.ShouldStartWith(LabReadme.Notice);
        report.ShouldContain("HAProxy on 127.0.10.250: up   MariaDB: up   VIP holder: ctl1");
        foreach (var node in lab.Lab.Nodes)
        {
            report.ShouldContain($"{node.Name,-6} {node.Address,-13} {node.RoleName,-10} up");
        }
    }
}
