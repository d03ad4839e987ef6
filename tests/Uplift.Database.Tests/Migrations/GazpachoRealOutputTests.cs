using Uplift.Database;
using Uplift.Transports;

namespace Uplift.Tests.Migrations;

/// <summary>
/// The real Gazpacho programs' outputs (Samples/gazpacho, captured on 2026-12-07 from Debian forky's packages on the
/// real lab right after Uplift upgraded it from Epoxy, instances on the computes; versions and exit codes in
/// Samples/README.md): what Uplift makes of their warnings and leftovers (the passing ones beside Epoxy's).
/// </summary>
public sealed class GazpachoRealOutputTests
{
    [Fact]
    public void Given_novas_check_after_the_upgrade_with_instances_When_parsed_Then_its_machine_type_warning_lets_the_run_go_on()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("gazpacho/nova-status_upgrade_check.txt"), 1);

        var warning = report.Warnings.ShouldHaveSingleItem();
        warning.Name.ShouldBe("hw_machine_type unset");
        warning.Details.ShouldStartWith("Instances found without hw_machine_type set.");
        warning.Details.ShouldContain("`nova-manage libvirt list_unset_machine_type`");
        report.Checks.Select(c => c.Name).ShouldContain("Service User Token Configuration");
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Warning);
        report.MayProceed.ShouldBeTrue();
    }

    [Fact]
    public void Given_neutron_status_on_gazpacho_When_parsed_Then_only_the_ovn_check_warns()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("gazpacho/neutron-status_upgrade_check.txt"), 1);

        report.Warnings.ShouldHaveSingleItem().Name.ShouldBe("OVN support for BM provisioning over IPv6 check");
        report.MayProceed.ShouldBeTrue();
    }

    [Fact]
    public void Given_novas_exit_0_with_a_row_it_could_not_migrate_When_judged_Then_done_naming_what_stays()
    {
        var output = Samples.Samples.Read("gazpacho/nova-manage_online_data_migrations.txt");

        var report = OnlineMigrations.Judge("nova-manage db online_data_migrations --max-count 1000", 1,
            new CommandResult(0, output, "", TimeSpan.FromSeconds(3)), "ctl1")!;

        report.Outcome.ShouldBe(OnlineMigrationOutcome.Done);
        report.Last.Single(m => m.Migration == "populate_instance_compute_id").RowsLeft.ShouldBe(1);
        report.Message.ShouldContain("could not migrate populate_instance_compute_id (1 rows)");
    }
}
