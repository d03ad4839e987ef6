using Uplift.Database;

namespace Uplift.Tests.UpgradeChecks;

/// <summary>`*-status upgrade check` of the real Epoxy programs (Samples/epoxy, captured from Debian trixie's packages on a
/// freshly synced lab; exit codes in Samples/README.md), and the passing ones of Gazpacho (Samples/gazpacho).</summary>
public sealed class EpoxyUpgradeCheckTests
{
    [Theory]
    [InlineData("nova-status_upgrade_check.txt", 0, "Cells v2")]
    [InlineData("placement-status_upgrade_check.txt", 0, "Missing Root Provider IDs")]
    [InlineData("keystone-status_upgrade_check.txt", 0, "Check trust policies are not empty")]
    [InlineData("glance-status_upgrade_check.txt", 0, "Sheepdog Driver Removal")]
    [InlineData("cinder-status_upgrade_check.txt", 0, "Backup Driver Path")]
    [InlineData("heat-status_upgrade_check.txt", 0, "Policy File JSON to YAML Migration")]
    [InlineData("../gazpacho/placement-status_upgrade_check.txt", 0, "Missing Root Provider IDs")]
    [InlineData("../gazpacho/cinder-status_upgrade_check.txt", 0, "Backup Driver Path")]
    [InlineData("../gazpacho/heat-status_upgrade_check.txt", 0, "Policy File JSON to YAML Migration")]
    public void Given_a_passing_real_check_When_parsed_Then_every_check_is_a_success(string sample, int exitCode, string first)
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("epoxy/" + sample), exitCode);

        report.Checks[0].Name.ShouldBe(first);
        report.Checks.ShouldAllBe(c => c.Status == CheckStatus.Success);
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Success);
    }

    [Fact]
    public void Given_neutron_status_on_an_ml2_ovs_cloud_When_parsed_Then_its_ovn_warning_is_shown_with_wrapped_details_joined()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("epoxy/neutron-status_upgrade_check.txt"), 1);

        var warning = report.Warnings.ShouldHaveSingleItem();
        warning.Name.ShouldBe("OVN support for BM provisioning over IPv6 check");
        warning.Details.ShouldBe("Failed to connect to OVN. Error: Could not retrieve schema from tcp:127.0.0.1:6641");
        report.Checks.Single(c => c.Name == "VLAN allocations valid segmentation ID check").Details
            .ShouldBe("All 'ml2_vlan_allocations' registers have a valid segmentation ID.");
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Warning);
        report.MayProceed.ShouldBeTrue();
    }
}
