using Uplift.Nodes;

namespace Uplift.Tests.Adapters;

public class NodeAdaptersTests
{
    [Fact]
    public void Given_units_in_start_order_When_stopped_Then_they_stop_in_reverse_then_are_disabled_and_masked() =>
        Systemd.StopDisableMask(["nova-conductor", "nova-api"]).ShouldBe(
            "systemctl stop nova-api && systemctl stop nova-conductor && systemctl disable nova-conductor nova-api && systemctl mask nova-conductor nova-api");

    [Fact]
    public void Given_units_in_start_order_When_started_Then_they_are_unmasked_enabled_and_started_in_order() =>
        Systemd.UnmaskEnableStart(["nova-conductor", "nova-api"]).ShouldBe(
            "systemctl unmask nova-conductor nova-api && systemctl enable nova-conductor nova-api && systemctl start nova-conductor && systemctl start nova-api");

    [Fact]
    public void Given_is_active_and_is_enabled_lines_When_parsed_Then_each_unit_gets_both_states()
    {
        var states = Systemd.ParseQuery(["a", "b"], "active\ninactive\nenabled\nmasked\n");

        states[0].ShouldBe(new UnitState("a", "active", "enabled"));
        states[0].IsRunningAndEnabled.ShouldBeTrue();
        states[1].IsStoppedAndMasked.ShouldBeTrue();
    }

    [Fact]
    public void Given_is_enabled_printed_nothing_When_parsed_Then_enabled_states_are_empty()
    {
        var states = Systemd.ParseQuery(["a", "b"], "failed\nactive\n");

        states.Select(s => s.Enabled).ShouldBe(["", ""]);
        states[0].IsStoppedAndMasked.ShouldBeFalse();
    }

    [Fact]
    public void Given_crm_locate_output_When_parsed_Then_the_holder_is_found()
    {
        Pacemaker.ParseLocate("openstack-api-vip", "resource openstack-api-vip is running on: ctl2 \n").ShouldBe(["ctl2"]);
        Pacemaker.ParseLocate("openstack-api-vip", "resource openstack-api-vip is NOT running\n").ShouldBeEmpty();
        Pacemaker.ParseLocate("vip", "resource other-vip is running on: ctl1\n").ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_reason_with_quotes_When_puppet_is_disabled_Then_the_reason_is_one_quoted_word()
    {
        var command = Puppet.Disable("uplift run 7: don't touch");

        command.ShouldContain("puppet agent --disable 'uplift run 7: don'\\''t touch' || exit 1");
        command.ShouldContain("for verb in stop disable mask");
    }

    [Theory]
    [InlineData("absent\n", true, true)]
    [InlineData("absent\n", false, true)]
    [InlineData("disabled\ninactive\n", true, true)]
    [InlineData("disabled\nactive\n", true, false)]
    [InlineData("disabled\n", true, true)]
    [InlineData("enabled\ninactive\n", true, false)]
    [InlineData("enabled\nactive\n", false, true)]
    [InlineData("disabled\ninactive\n", false, false)]
    public void Given_the_puppet_state_When_read_Then_it_is_settled_only_in_the_wanted_state(string output, bool disable, bool settled) =>
        Puppet.IsSettled(output, disable).ShouldBe(settled);

    [Fact]
    public void Given_df_output_When_read_Then_the_available_kilobytes_are_returned()
    {
        const string output = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/sda1         41152812 12345678  26700000      32% /\n";

        DiskSpace.AvailableKilobytes(output).ShouldBe(26_700_000);
        Should.Throw<FormatException>(() => DiskSpace.AvailableKilobytes("df: /nope: No such file or directory\n"));
    }
}
