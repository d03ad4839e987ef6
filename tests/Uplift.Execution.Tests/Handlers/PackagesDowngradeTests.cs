using Uplift.Nodes;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Handlers;

/// <summary>A rollback puts back only packages whose installed version no repository offers any more.</summary>
public sealed class PackagesDowngradeTests
{
    private static IReadOnlyList<PackagePolicy> Sample(string name) => AptCachePolicy.Parse(
        File.ReadAllText(Uplift.Testing.Fixtures.Project($"tests/Uplift.Execution.Tests/Samples/apt-sandbox/{name}")));

    [Fact]
    public void Given_installed_versions_a_repository_still_offers_When_planning_the_downgrade_Then_none_is_touched()
    {
        var policies = Sample("bookworm_policy_installed_offered.stdout.txt");

        policies.Single(p => p.Name == "rabbitmq-server").Offered.ShouldBe(["3.10.8-1.1+deb12u1"]);
        PackagesDowngradeHandler.Targets(policies).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_repository_offering_only_newer_versions_When_planning_the_downgrade_Then_nothing_goes_up()
    {
        var policies = Sample("bookworm_rabbitmq_to_trixie.stdout.txt");

        policies.Single(p => p.Name == "rabbitmq-server").Offered.ShouldBe(["4.0.5-6+deb13u2"], "the installed 3.10.8 is listed by dpkg's status only");
        PackagesDowngradeHandler.Targets(policies).ShouldBeEmpty();
    }

    /// <summary>apt 2.6's layout (as the captured samples): the flamingo version only in dpkg's status, epoxy's and
    /// bookworm's offered; and a dependency whose installed security update is still offered beside an older one.</summary>
    [Fact]
    public void Given_a_version_only_dpkg_lists_When_planning_the_downgrade_Then_it_goes_to_the_highest_offered_and_an_offered_one_stays()
    {
        const string Policy = """
            python3-nova:
              Installed: 2:32.0.0-1~bpo12+1
              Candidate: 2:32.0.0-1~bpo12+1
              Version table:
             *** 2:32.0.0-1~bpo12+1 100
                    100 /var/lib/dpkg/status
                 2:31.0.0-6~bpo12+1 500
                    500 http://osbpo.debian.net/debian bookworm-epoxy-backports/main amd64 Packages
                 2:26.0.0-1 500
                    500 http://deb.debian.org/debian bookworm/main amd64 Packages
            python3-sqlalchemy:
              Installed: 1.4.46+ds1-1+deb12u1
              Candidate: 1.4.46+ds1-1+deb12u1
              Version table:
             *** 1.4.46+ds1-1+deb12u1 500
                    500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages
                    100 /var/lib/dpkg/status
                 1.4.46+ds1-1 500
                    500 http://deb.debian.org/debian bookworm/main amd64 Packages

            """;

        PackagesDowngradeHandler.Targets(AptCachePolicy.Parse(Policy)).ShouldBe([("python3-nova", "2:31.0.0-6~bpo12+1")]);
    }
}
