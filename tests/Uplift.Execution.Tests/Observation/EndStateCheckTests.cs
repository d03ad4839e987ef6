using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Steps.EndState;

namespace Uplift.Tests.Observation;

/// <summary>The end state of a node: code on the target's major, units running since their packages' install.</summary>
public class EndStateCheckTests
{
    // 2026-12-04 16:00:00 UTC.
    private const long Installed = 1796400000;

    private static readonly PlanStep Step = new("verify/cmp1/end-state", VerifyEndStateStep.Kind, "verify", null, ["cmp1"],
        [
            new("release", "flamingo"),
            new(VerifyEndStateStep.CodeKey + "nova", "python3-nova 32"),
            new(VerifyEndStateStep.PackagesKey + "nova", "python3-nova nova-common nova-compute"),
            new(VerifyEndStateStep.UnitsKey + "nova", "nova-compute"),
        ], "nodes", [], [], 0, false, "every node");

    private static readonly CommandResult NoApis = new(0, "", "", TimeSpan.Zero);

    private static CommandResult Dpkg(string novaVersion, long modified) => new(0,
        $"nova-common\t{novaVersion}\tii \t{modified}\nnova-compute\t{novaVersion}\tii \t{modified}\npython3-nova\t{novaVersion}\tii \t{modified}\n", "", TimeSpan.Zero);

    // systemctl show prints a block of KEY=VALUE per unit, timestamps in the zone TZ names (the command sets UTC).
    private static CommandResult Units(string state, string since) => new(0,
        $"Id=nova-compute.service\nActiveState={state}\nActiveEnterTimestamp={since}\n", "", TimeSpan.Zero);

    [Fact]
    public void Given_the_target_code_and_a_unit_started_after_its_install_When_checked_Then_there_is_no_difference() =>
        EndStateCheck.Differences("cmp1", Step, [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), NoApis]).ShouldBeEmpty();

    [Fact]
    public void Given_the_old_code_When_checked_Then_the_node_the_package_and_the_release_are_named() =>
        EndStateCheck.Differences("cmp1", Step, [Dpkg("2:31.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), NoApis])
            .ShouldHaveSingleItem().ShouldStartWith("cmp1: python3-nova 2:31.0.0-1 is not flamingo's 32.x");

    [Fact]
    public void Given_a_unit_running_since_before_its_packages_were_installed_When_checked_Then_it_runs_the_old_code() =>
        EndStateCheck.Differences("cmp1", Step, [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 15:59:00 UTC"), NoApis])
            .ShouldHaveSingleItem().ShouldBe("cmp1: nova-compute runs since 2026-12-04 15:59:00Z, before nova's packages were installed at 2026-12-04 16:00:00Z: it runs the old code; restart it");

    [Fact]
    public void Given_a_stopped_unit_When_checked_Then_it_is_named_not_running() =>
        EndStateCheck.Differences("cmp1", Step, [Dpkg("2:32.0.0-1", Installed), Units("inactive", ""), NoApis])
            .ShouldHaveSingleItem().ShouldBe("cmp1: nova-compute is inactive, not running");

    [Fact]
    public void Given_a_release_the_catalog_has_no_major_for_When_checked_Then_it_cannot_pass()
    {
        var unknown = Step with { Arguments = [.. Step.Arguments.Where(a => !a.Key.StartsWith(VerifyEndStateStep.CodeKey, StringComparison.Ordinal)), new(VerifyEndStateStep.CodeKey + "nova", "python3-nova -1")] };

        EndStateCheck.Differences("cmp1", unknown, [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), NoApis])
            .ShouldHaveSingleItem().ShouldContain("cannot be verified");
    }

    [Fact]
    public void Given_the_step_When_its_queries_are_built_Then_dpkg_asks_the_install_time_and_systemctl_the_start_time_in_utc()
    {
        var queries = EndStateCheck.Queries(Step);

        queries[0].ShouldBe("dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${db-fsys:Last-Modified}\\n' python3-nova nova-common nova-compute");
        queries[1].ShouldBe("TZ=UTC systemctl show -p Id -p ActiveState -p ActiveEnterTimestamp nova-compute.service");
        queries[2].ShouldBe("true", "a compute serves no API");
    }

    [Fact]
    public void Given_an_api_unit_that_does_not_answer_When_checked_Then_its_port_is_named()
    {
        var api = Step with
        {
            Arguments = [.. Step.Arguments, new("address", "10.0.0.1"), new(VerifyEndStateStep.ApisKey + "nova", "nova-compute=8774")],
        };

        EndStateCheck.Queries(api)[2].ShouldBe("curl -s -o /dev/null -w '%{http_code}\\n' --max-time 5 http://10.0.0.1:8774/ || true");
        EndStateCheck.Differences("cmp1", api, [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), new(0, "000\n", "", TimeSpan.Zero)])
            .ShouldHaveSingleItem().ShouldBe("cmp1: nova-compute does not answer on port 8774 (HTTP none)");
        EndStateCheck.Differences("cmp1", api, [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), new(0, "300\n", "", TimeSpan.Zero)])
            .ShouldBeEmpty("an API answers its version document with 300 Multiple Choices");
    }

    [Fact]
    public void Given_two_units_separated_by_a_blank_line_When_parsed_Then_each_has_its_state_and_start()
    {
        var units = UnitSince.Parse("Id=nova-api.service\nActiveState=active\nActiveEnterTimestamp=Fri 2026-12-04 16:00:05 UTC\n\nId=nova-conductor.service\nActiveState=failed\nActiveEnterTimestamp=\n");

        units["nova-api"].ShouldBe(("active", DateTimeOffset.FromUnixTimeSeconds(Installed + 5)));
        units["nova-conductor"].ShouldBe(("failed", (DateTimeOffset?)null));
    }

    [Fact]
    public void Given_a_timestamp_in_another_zone_When_parsed_Then_it_is_refused_rather_than_misread() =>
        Should.Throw<FormatException>(() => UnitSince.Parse("Id=nova-api.service\nActiveState=active\nActiveEnterTimestamp=Fri 2026-12-04 17:00:05 CET\n"));

    [Fact]
    public void Given_the_real_dpkg_query_of_bash_with_its_install_time_When_parsed_Then_the_time_is_read()
    {
        // `dpkg-query -W -f='${Package}\t${Version}\t${db:Status-Abbrev}\t${db-fsys:Last-Modified}\n' bash` on this Debian 12 machine.
        var installed = DpkgQuery.Parse(0, "bash\t5.2.15-2+b8\tii \t1747699200\n", "");

        installed.Find("bash")!.Modified.ShouldBe(1747699200);
    }

    private static readonly PlanStep ApiStep = Step with
    {
        Arguments =
        [
            new("release", "gazpacho"),
            new("address", "10.0.0.1"),
            new(VerifyEndStateStep.CodeKey + "nova", "python3-nova 32"),
            new(VerifyEndStateStep.PackagesKey + "nova", "python3-nova nova-common nova-compute"),
            new(VerifyEndStateStep.UnitsKey + "nova", "nova-compute"),
            new(VerifyEndStateStep.ApisKey + "nova", "nova-compute=8774"),
            new(VerifyEndStateStep.MicroversionKey + "nova", "nova-compute=2.103"),
        ],
    };

    private static IReadOnlyList<string> ApiDifferences(string versionDocument) =>
        EndStateCheck.Differences("ctl1", ApiStep,
            [Dpkg("2:32.0.0-1", Installed), Units("active", "Fri 2026-12-04 16:00:05 UTC"), new(0, "300\n", "", TimeSpan.Zero), new(0, versionDocument, "", TimeSpan.Zero)]);

    [Fact]
    public void Given_an_api_with_a_known_microversion_When_its_queries_are_built_Then_its_version_document_is_read_on_one_line() =>
        EndStateCheck.Queries(ApiStep)[3].ShouldBe("{ curl -s --max-time 5 http://10.0.0.1:8774/ || true; } | tr -d '\\n'; echo");

    [Fact]
    public void Given_the_api_reports_the_target_s_highest_microversion_When_checked_Then_there_is_no_difference() =>
        ApiDifferences("""{"versions": [{"id": "v2.0", "version": ""}, {"id": "v2.1", "status": "CURRENT", "version": "2.103"}]}""" + "\n").ShouldBeEmpty();

    [Fact]
    public void Given_the_api_reports_an_older_microversion_When_checked_Then_it_serves_other_code_and_is_named() =>
        ApiDifferences("""{"versions": [{"id": "v2.0", "version": ""}, {"id": "v2.1", "status": "CURRENT", "version": "2.100"}]}""" + "\n")
            .ShouldHaveSingleItem().ShouldBe("ctl1: nova-compute reports microversion 2.100 at http://10.0.0.1:8774/, not gazpacho's 2.103: " +
                "it serves other code; restart it (or reinstall its packages from the target repository)");

    [Fact]
    public void Given_the_api_answers_no_version_document_When_checked_Then_its_code_cannot_be_told() =>
        ApiDifferences("<html>502 Bad Gateway</html>\n")
            .ShouldHaveSingleItem().ShouldBe("ctl1: nova-compute answers no version document at http://10.0.0.1:8774/ (it said: <html>502 Bad Gateway</html>), so its code cannot be told");

    [Fact]
    public void Given_the_services_of_a_node_When_its_queries_are_built_Then_their_etc_is_searched_for_configuration_the_packages_left_beside()
    {
        EndStateCheck.Queries(Step)[4].ShouldBe("find /etc/nova \\( -name '*.dpkg-dist' -o -name '*.dpkg-new' -o -name '*.ucf-dist' -o -name '*.ucf-new' \\) -print 2>/dev/null; true");

        var found = EndStateCheck.Leftovers([NoApis, NoApis, NoApis, NoApis, new(0, "/etc/nova/nova.conf.dpkg-dist\n/etc/nova/api-paste.ini.ucf-dist\n", "", TimeSpan.Zero)]);

        found.ShouldBe(["/etc/nova/api-paste.ini.ucf-dist", "/etc/nova/nova.conf.dpkg-dist"]);
        EndStateCheck.Leftovers([NoApis, NoApis, NoApis, NoApis, NoApis]).ShouldBeEmpty();
    }
}
