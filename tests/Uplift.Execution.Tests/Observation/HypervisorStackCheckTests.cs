using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Observation;

namespace Uplift.Tests.Observation;

/// <summary>
/// Which computes must be emptied: their hypervisor stack's candidates in the target repository, read in a sandbox on
/// each compute (real apt 3.0 output of the real lab's trixie root against its forky mirror, Samples/apt-sandbox).
/// </summary>
public sealed class HypervisorStackCheckTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();

    private static readonly string Sample = File.ReadAllText(
        Uplift.Testing.Fixtures.Project("tests/Uplift.Execution.Tests/Samples/apt-sandbox/trixie_hypervisor_stack_to_forky.stdout.txt"));

    [Fact]
    public void Installed_packages_offered_newer_move_and_absent_ones_do_not()
    {
        var moving = HypervisorStackCheck.Read("cmp1", AptCachePolicy.Parse(Sample)).ToList();

        moving.ShouldBe([
            new HypervisorUpgrade("cmp1", "qemu-system-x86", "1:10.0.13+ds-0+deb13u1", "1:11.1.2+ds-3"),
            new HypervisorUpgrade("cmp1", "libvirt-daemon-system", "11.3.0-3+deb13u3", "12.8.0-1"),
            new HypervisorUpgrade("cmp1", "libvirt-daemon", "11.3.0-3+deb13u3", "12.8.0-1")]);
    }

    [Fact]
    public async Task Only_computes_are_asked_and_their_answers_become_plan_inputs()
    {
        var cmp1 = new FakeNode("cmp1");
        var target = Catalog.FindRelease("gazpacho")!;
        cmp1.Answers[AptSandbox.Policy(Catalog.Apt.LineFor(target), Catalog.HypervisorStack.Keys)] = (0, Sample);
        var nodes = new[] { new Node("ctl1", "10.0.0.1", [Role.Controller]), new Node("cmp1", "10.0.1.1", [Role.Compute]) };

        var read = await new HypervisorStackCheck(n => n.Name == "cmp1" ? cmp1 : throw new InvalidOperationException($"{n.Name} asked"))
            .ReadAsync(nodes, Catalog, target);

        read.ShouldBe("cmp1:libvirt-daemon-system=11.3.0-3+deb13u3>12.8.0-1 cmp1:libvirt-daemon=11.3.0-3+deb13u3>12.8.0-1 " +
            "cmp1:qemu-system-x86=1:10.0.13+ds-0+deb13u1>1:11.1.2+ds-3");
        new PlanOptions(HypervisorUpgrades: read).HypervisorUpgradesByNode()["cmp1"].Count().ShouldBe(3);
    }
}
