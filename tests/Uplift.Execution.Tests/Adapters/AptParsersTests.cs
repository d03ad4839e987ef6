using Uplift.Nodes;
using Uplift.Testing;

namespace Uplift.Tests.Adapters;

public class AptParsersTests
{
    [Fact]
    public void Given_dpkg_query_output_with_an_unknown_package_When_parsed_Then_known_packages_and_the_unknown_name_are_returned()
    {
        var result = DpkgQuery.Parse(
            1,
            Fixtures.ReadShared("apt/dpkg-query_W_status-abbrev.stdout.txt"),
            Fixtures.ReadShared("apt/dpkg-query_W_status-abbrev.stderr.txt"));

        result.Packages.Select(p => p.Name).ShouldBe(["bash", "haproxy", "openssh-client"]);
        result.Find("openssh-client")!.Version.ShouldBe("1:9.2p1-2+deb12u10");
        result.Packages.ShouldAllBe(p => p.IsInstalled);
        result.Unknown.ShouldBe(["nosuchpkg"]);
    }

    [Fact]
    public void Given_dpkg_query_failing_for_another_reason_When_parsed_Then_the_error_is_reported()
    {
        var error = Should.Throw<FormatException>(() => DpkgQuery.Parse(2, "", "dpkg-query: error: cannot open /var/lib/dpkg/status"));

        error.Message.ShouldContain("cannot open");
    }

    [Fact]
    public void Given_a_removed_package_with_config_files_When_parsed_Then_it_is_not_installed()
    {
        var result = DpkgQuery.Parse(0, "nova-api\t2:27.0.0-1\trc \n", "");

        result.Find("nova-api")!.IsInstalled.ShouldBeFalse();
    }

    [Fact]
    public void Given_apt_cache_policy_for_two_packages_and_an_unknown_one_When_parsed_Then_both_known_blocks_are_read()
    {
        var policies = AptCachePolicy.Parse(Fixtures.ReadShared("apt/apt-cache_policy_openssh-client_haproxy_nosuchpkg.txt"));

        policies.Select(p => p.Name).ShouldBe(["openssh-client", "haproxy"]);
        policies[0].Installed.ShouldBe("1:9.2p1-2+deb12u10");
        policies[0].Candidate.ShouldBe("1:9.2p1-2+deb12u10");
        policies[0].Versions.ShouldBe(["1:9.2p1-2+deb12u10", "1:9.2p1-2+deb12u9", "1:9.2p1-2+deb12u7"]);
        policies[1].Versions.ShouldBe(["2.6.12-1+deb12u4", "2.6.12-1+deb12u3"]);
    }

    [Fact]
    public void Given_a_package_that_is_not_installed_When_policy_is_parsed_Then_installed_is_null()
    {
        var policies = AptCachePolicy.Parse("nova-api:\n  Installed: (none)\n  Candidate: 2:28.0.0-1\n  Version table:\n     2:28.0.0-1 500\n        500 http://repo epoxy/main amd64 Packages\n");

        policies.ShouldHaveSingleItem().Installed.ShouldBeNull();
        policies[0].Candidate.ShouldBe("2:28.0.0-1");
    }

    [Fact]
    public void Given_installed_packages_When_the_candidate_is_newer_for_some_Then_only_those_are_upgraded()
    {
        var installed = DpkgQuery.Parse(0, "bash\t5.2.15-2+b8\tii \nhaproxy\t2.6.12-1+deb12u3\tii \nlibfoo\t1.0-1\trc \n", "");
        var policies = AptCachePolicy.Parse(
            Fixtures.ReadShared("apt/apt-cache_policy_openssh-client_haproxy_nosuchpkg.txt") +
            "bash:\n  Installed: 5.2.15-2+b8\n  Candidate: 5.2.15-2+b8\n" +
            "libfoo:\n  Installed: (none)\n  Candidate: 1.1-1\n");

        // openssh-client is not installed here (dpkg does not list it): never named, so never becomes "manual".
        PackageUpgrades.Outdated(installed, policies).ShouldBe(["haproxy"]);
    }

    [Fact]
    public void Given_service_packages_When_some_are_missing_or_outdated_Then_those_are_installed_and_unknown_ones_reported()
    {
        var installed = DpkgQuery.Parse(1, "haproxy\t2.6.12-1+deb12u4\tii \nopenssh-client\t1:9.2p1-2+deb12u9\tii \n",
            "dpkg-query: no packages found matching bash\n");
        var policies = AptCachePolicy.Parse(Fixtures.ReadShared("apt/apt-cache_policy_openssh-client_haproxy_nosuchpkg.txt") +
            "bash:\n  Installed: (none)\n  Candidate: 5.2.15-2+b8\n");
        string[] wanted = ["bash", "haproxy", "openssh-client", "nosuchpkg"];

        PackageUpgrades.MissingOrOutdated(wanted, installed, policies).ShouldBe(["bash", "openssh-client"]);
        PackageUpgrades.Unavailable(wanted, policies).ShouldBe(["nosuchpkg"]);
    }

    [Fact]
    public void Given_packages_When_the_install_command_is_built_Then_it_is_noninteractive_and_keeps_config_files() =>
        Apt.Install(["nova-api", "python3-nova"]).ShouldBe(
            "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold nova-api python3-nova");

    [Fact]
    public void Given_the_dpkg_query_command_When_built_Then_it_asks_for_name_version_and_status_abbrev() =>
        DpkgQuery.Command(["bash", "haproxy"]).ShouldBe(
            "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\n' bash haproxy");

    [Theory]
    [InlineData("deb http://repo epoxy main\n", true)]
    [InlineData("# managed by uplift\ndeb http://repo epoxy main\n\n", true)]
    [InlineData("deb http://repo caracal main\n", false)]
    [InlineData("", false)]
    [InlineData("deb http://repo epoxy main\ndeb http://other x main\n", false)]
    public void Given_a_sources_file_When_checked_Then_it_is_set_only_when_it_holds_exactly_the_line(string content, bool set) =>
        Apt.SourcesAreSet(content, "deb http://repo epoxy main").ShouldBe(set);
}
