using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Nodes;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Observation;

namespace Uplift.Tests.Observation;

/// <summary>The target repository must offer each service's code on the target release.</summary>
public class TargetRepositoryCheckTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();
    private static readonly Node Ctl1 = new("ctl1", "10.0.0.1", [Role.Controller]);

    private static IReadOnlyList<PackagePolicy> Policy(string keystone) => AptCachePolicy.Parse(
        $"python3-keystone:\n  Installed: 2:27.0.0-3+deb13u6\n  Candidate: {keystone}\n  Version table:\n     {keystone} 500\n        500 http://deb.debian.org/debian forky/main amd64 Packages\n");

    [Fact]
    public void Given_forky_s_keystone_30_for_a_gazpacho_upgrade_When_read_Then_it_is_refused_as_hibiscus()
    {
        var problem = TargetRepositoryCheck.Read(Ctl1, Catalog.FindRelease("gazpacho")!, "deb http://deb.debian.org/debian forky main",
            [Catalog.CodeVersionsOf("keystone")!], Policy("2:30.0.0-2")).ShouldHaveSingleItem();

        problem.Summary.ShouldBe("ctl1: the gazpacho repository offers python3-keystone 2:30.0.0-2, which is hibiscus's keystone, not gazpacho's 29.x");
    }

    [Fact]
    public void Given_the_target_release_s_keystone_When_read_Then_there_is_no_problem() =>
        TargetRepositoryCheck.Read(Ctl1, Catalog.FindRelease("gazpacho")!, "line", [Catalog.CodeVersionsOf("keystone")!], Policy("2:29.0.0-1")).ShouldBeEmpty();

    [Fact]
    public void Given_a_repository_without_the_package_When_read_Then_it_says_so_with_the_source_line() =>
        TargetRepositoryCheck.Read(Ctl1, Catalog.FindRelease("gazpacho")!, "deb http://x forky main", [Catalog.CodeVersionsOf("nova")!], Policy("2:29.0.0-1"))
            .ShouldHaveSingleItem().Summary.ShouldBe("ctl1: the gazpacho repository offers no python3-nova (nova)");

    [Fact]
    public void Given_a_source_line_When_the_sandbox_command_is_built_Then_apt_reads_only_its_own_folder_and_removes_it()
    {
        var script = AptSandbox.Policy("deb http://deb.debian.org/debian forky main", ["python3-nova"]);

        script.ShouldContain("apt-get update -qq -o Dir::Etc::SourceList=\"$d/sources.list\" -o Dir::Etc::SourceParts=\"$d/parts\" -o Dir::State::Lists=\"$d/lists\"");
        script.ShouldContain("policy python3-nova");
        script.ShouldEndWith("rm -rf \"$d\"; exit $r");
    }

    [Fact]
    public async Task Given_a_source_line_with_credentials_When_asking_the_repository_fails_Then_the_message_shows_them_masked()
    {
        var catalog = CatalogLoader.WithOverlay(System.Text.Encoding.UTF8.GetBytes(
            "apt:\n  source-line: \"deb https://mirror:s3cr3t@repo.example/debian bookworm-{series}-backports main\"\n"), "site.yaml");
        var node = new FakeNode("ctl1");

        var failed = await Should.ThrowAsync<ObservationFailedException>(() => new TargetRepositoryCheck(_ => node)
            .CheckAsync([Ctl1], [catalog.FindService("keystone")!], catalog, ["flamingo"]));

        failed.Message.ShouldContain("https://mirror:****@repo.example");
        failed.Message.ShouldNotContain("s3cr3t");
    }

    /// <summary>Real output of the sandbox query of trixie's repository from a bookworm node running RabbitMQ 3.10.</summary>
    private static IReadOnlyList<PackagePolicy> TrixieFromBookworm() => AptCachePolicy.Parse(File.ReadAllText(
        Uplift.Testing.Fixtures.Project("tests/Uplift.Execution.Tests/Samples/apt-sandbox/bookworm_rabbitmq_to_trixie.stdout.txt")));

    [Fact]
    public void Given_trixie_s_rabbitmq_4_0_for_a_node_on_3_10_When_read_Then_it_is_refused_naming_the_series_skipped_and_the_path()
    {
        TargetRepositoryCheck.SeriesPackagesOn(Ctl1, Catalog).ShouldBe(["rabbitmq-server"]);

        var problem = TargetRepositoryCheck.ReadSeries(Ctl1, Catalog.FindRelease("epoxy")!, Catalog, ["rabbitmq-server"], TrixieFromBookworm(), [])
            .ShouldHaveSingleItem();

        problem.Summary.ShouldBe("ctl1: the epoxy repository offers rabbitmq-server 3.10.8-1.1+deb12u1 → 4.0.5-6+deb13u2 skips 3.11, 3.12, 3.13: " +
            "a cluster is upgraded one series at a time (3.10 → 3.11 → 3.12 → 3.13 → 4.0)");
        problem.Hint.ShouldNotBeNull().ShouldContain("rabbitmq.com/docs/rolling-upgrade");
    }

    [Fact]
    public void Given_several_hops_When_read_Then_each_hop_starts_from_the_previous_hop_s_candidate()
    {
        var reached = new Dictionary<string, string?>(StringComparer.Ordinal) { ["rabbitmq-server"] = "3.13.7-1" };

        TargetRepositoryCheck.ReadSeries(Ctl1, Catalog.FindRelease("epoxy")!, Catalog, ["rabbitmq-server"], TrixieFromBookworm(), reached).ShouldBeEmpty();
        reached["rabbitmq-server"].ShouldBe("4.0.5-6+deb13u2");
    }

    [Fact]
    public void Given_a_network_node_When_listing_series_packages_Then_it_has_none() =>
        TargetRepositoryCheck.SeriesPackagesOn(new Node("net1", "10.0.0.5", [Role.Network]), Catalog).ShouldBeEmpty();
}
