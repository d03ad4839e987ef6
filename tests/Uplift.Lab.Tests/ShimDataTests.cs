using Uplift.Catalog;
using Uplift.Lab;

namespace Uplift.Tests;

public class ShimDataTests
{
    private static readonly LabLayout Lab = new(new LabOptions(Release: "epoxy", StateDirectory: "/srv/lab"), CatalogLoader.LoadEmbedded());

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void GivenTheCatalog_WhenTheRepositoryIsWritten_ThenEveryReleaseOffersEveryPackageAtItsLabVersion()
    {
        var repo = Lines(ShimData.Shared(Lab)["repo"]);

        repo.ShouldContain("epoxy nova-api 31.0.0-1");
        repo.ShouldContain("flamingo nova-api 32.0.0-1");
        repo.ShouldContain("epoxy keystone 27.0.0-1");
        repo.ShouldContain("flamingo python3-oslo.messaging 32.0.0-1");
        repo.Length.ShouldBe(Lab.Catalog.Releases.Count * repo.Select(l => l.Split(' ')[1]).Distinct().Count());
    }

    [Fact]
    public void GivenTheCatalog_WhenMicroversionsAreWritten_ThenEachApiUnitMajorHasItsReleasesHighest()
    {
        var microversions = Lines(ShimData.Shared(Lab)["microversions"]);

        microversions.ShouldContain("nova-api 31 2.100");
        microversions.ShouldContain("nova-api 33 2.103");
        microversions.ShouldContain("cinder-api 24 3.71");
        microversions.ShouldAllBe(l => l.StartsWith("nova-api ", StringComparison.Ordinal) || l.StartsWith("cinder-api ", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAController_WhenItsUnitsAreListed_ThenApiUnitsCarryTheirCatalogPortAndPackage()
    {
        var ctl1 = Lab.Nodes[0];

        var units = Lines(ShimData.Node(Lab, ctl1)["units.list"]);

        units.ShouldContain("nova-api nova-api 8774 nova");
        units.ShouldContain("nova-conductor nova-conductor - nova");
        units.ShouldContain("keystone keystone 5000 keystone");
        // apache2 is not a horizon package: it runs the service's last package on the role.
        units.ShouldContain("apache2 openstack-dashboard-apache 80 horizon");
    }

    [Fact]
    public void GivenACompute_WhenItsPackagesAreInstalled_ThenServicePackagesAreManualAndDependenciesAuto()
    {
        var cmp1 = Lab.Nodes.First(n => n.Name == "cmp1");

        var installed = Lines(ShimData.Node(Lab, cmp1)["var/lib/dpkg/installed"]);

        installed.ShouldContain("nova-compute 31.0.0-1 manual");
        installed.ShouldContain("libvirt-daemon-system 31.0.0-1 auto");
        installed.ShouldNotContain(l => l.StartsWith("nova-api ", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenANode_WhenItsAptSourcesAreWritten_ThenTheyNameTheLabReleaseInTheCatalogLine()
    {
        var files = ShimData.Node(Lab, Lab.Nodes[0]);

        files["etc/apt/sources.list.d/osbpo.debian.net.sources"].ShouldBe(
            Lab.Catalog.Apt.ContentFor(Lab.Release).Replace(Catalog.AptSettings.Codename, "bookworm", StringComparison.Ordinal));
        files["var/lib/apt/release"].ShouldBe("epoxy\n");
        files["node.env"].ShouldContain("LAB_STATE=/srv/lab\n");
    }

    [Fact]
    public void GivenANewLab_WhenTheClusterStateIsWritten_ThenEverySchemaIsAtTheReleaseAndTheVipOnTheFirstController()
    {
        var cluster = ShimData.Cluster(Lab);
        var epoxy = Lab.IndexOf(Lab.Release);

        cluster.Keys.Where(k => k.StartsWith("db/", StringComparison.Ordinal)).Select(k => k[3..])
            .ShouldBe(LabDatabases.Schemas.Select(s => s.Schema), ignoreOrder: true);
        cluster["db/nova"].ShouldBe($"{epoxy} {epoxy} {epoxy}\n");
        cluster["pacemaker/resource.openstack-api-vip"].ShouldBe("ctl1\n");
    }

    [Fact]
    public void GivenShimLogLines_WhenParsed_ThenTimeNodeExitCodeAndCommandLineAreRead()
    {
        var entries = CommandLogEntry.Parse("2026-11-21T20:44:29.123251Z\tctl1\t1\tdpkg-query -W nosuch\n2026-11-21T20:44:30.000000Z\tcmp2\t0\tapt-get update\n");

        entries.Count.ShouldBe(2);
        entries[0].ShouldBe(new CommandLogEntry(new DateTimeOffset(2026, 11, 21, 20, 44, 29, TimeSpan.Zero).AddTicks(1232510), "ctl1", 1, "dpkg-query -W nosuch"));
        entries[1].Node.ShouldBe("cmp2");
    }
}
