using Uplift.Database;

namespace Uplift.Tests.UpgradeChecks;

public sealed class UpgradeCheckParserTests
{
    [Fact]
    public void Given_the_table_of_a_passing_nova_status_When_parsed_Then_every_check_is_a_success_without_details()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("nova-status_upgrade_check_success.txt"), 0);

        report.Checks.Select(c => c.Name).ShouldBe(["Cells v2", "Placement API", "Ironic Flavor Migration", "Cinder API"]);
        report.Checks.ShouldAllBe(c => c.Status == CheckStatus.Success && c.Details == null);
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Success);
        report.MayProceed.ShouldBeTrue();
    }

    [Fact]
    public void Given_a_failure_with_wrapped_details_When_parsed_Then_the_details_are_one_text_and_the_run_stops()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("placement-status_upgrade_check_failure.txt"), 2);

        var failure = report.Failures.ShouldHaveSingleItem();
        failure.Name.ShouldBe("Policy File JSON to YAML Migration");
        failure.Details.ShouldBe(
            "Your policy file is JSON-formatted which is deprecated. You need to switch to YAML-formatted file. Use the "
            + "``oslopolicy-convert-json-to-yaml`` tool to convert the existing JSON-formatted files to YAML in a backwards-compatible "
            + "manner: https://docs.openstack.org/oslo.policy/latest/cli/oslopolicy-convert-json-to-yaml.html.");
        report.Checks.Count.ShouldBe(3);
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Failure);
        report.MayProceed.ShouldBeFalse();
        report.Describe().ShouldHaveSingleItem().ShouldStartWith("Failure: Policy File JSON to YAML Migration: Your policy file");
    }

    [Fact]
    public void Given_the_json_form_with_a_warning_When_parsed_Then_the_warning_is_shown_and_the_run_may_go_on()
    {
        var report = UpgradeCheckParser.Parse(Samples.Samples.Read("nova-status_upgrade_check_warning.json"), 1);

        report.Checks.Count.ShouldBe(4);
        var warning = report.Warnings.ShouldHaveSingleItem();
        warning.Name.ShouldBe("Older than N-1 computes");
        warning.Details!.ShouldStartWith("Current Nova version does not support computes older than Yoga");
        report.Verdict.ShouldBe(UpgradeCheckVerdict.Warning);
        report.MayProceed.ShouldBeTrue();
    }

    [Fact]
    public void Given_exit_255_with_a_traceback_When_parsed_Then_it_is_a_crash_that_stops_the_run()
    {
        var output = Samples.Samples.Read("nova-status_upgrade_check_crashed.txt");

        var report = UpgradeCheckParser.Parse(output, 255);

        report.Verdict.ShouldBe(UpgradeCheckVerdict.Crashed);
        report.MayProceed.ShouldBeFalse();
        report.Checks.ShouldBeEmpty();
        report.Describe().ShouldHaveSingleItem().ShouldContain("Can't connect to MySQL server");
    }

    [Fact]
    public void Given_log_lines_before_the_table_When_parsed_Then_only_the_box_counts()
    {
        var output = "Modules with known eventlet monkey patching issues were imported: urllib3.\n"
            + Samples.Samples.Read("nova-status_upgrade_check_success.txt");

        UpgradeCheckParser.Parse(output, 0).Checks.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("no table here at all")]
    [InlineData("+----+\n| Upgrade Check Results |\n+----+\n| Check: X |\n| Result: Maybe |\n| Details: None |\n+----+")]
    [InlineData("{\"name\": \"Upgrade Check Results\", \"checks\": [{\"check\": \"X\", \"result\": 7}]}")]
    public void Given_output_in_neither_form_When_parsed_with_a_normal_exit_code_Then_it_is_refused(string output) =>
        Should.Throw<FormatException>(() => UpgradeCheckParser.Parse(output, 0));

    [Theory]
    [InlineData(0, UpgradeCheckVerdict.Success)]
    [InlineData(1, UpgradeCheckVerdict.Warning)]
    [InlineData(2, UpgradeCheckVerdict.Failure)]
    [InlineData(255, UpgradeCheckVerdict.Crashed)]
    [InlineData(3, UpgradeCheckVerdict.Crashed)]
    public void Given_an_exit_code_Then_the_verdict_follows_oslo_upgradecheck(int exitCode, UpgradeCheckVerdict verdict) =>
        new UpgradeCheckReport(exitCode, []).Verdict.ShouldBe(verdict);
}
