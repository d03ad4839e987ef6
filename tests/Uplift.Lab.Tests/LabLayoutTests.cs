using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.Nodes;

namespace Uplift.Tests;

public class LabLayoutTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();

    [Fact]
    public void GivenTheDefaultOptions_WhenLaidOut_ThenNodesAreNumberedFromOneInRoleOrderWithTheirOwnAddresses()
    {
        var lab = new LabLayout(new LabOptions(), Catalog);

        lab.Nodes.Select(n => n.Name).ShouldBe(["ctl1", "ctl2", "ctl3", "net1", "net2", "cmp1", "cmp2", "cmp3", "cmp4", "cmp5", "cmp6", "vol1"]);
        lab.Nodes.Select(n => n.Address).ShouldBe(Enumerable.Range(1, 12).Select(i => $"127.0.10.{i}"));
        lab.Nodes.Single(n => n.Name == "net2").Role.ShouldBe(Role.Network);
        lab.Nodes.Where(n => n.Role == Role.Compute).Select(n => n.AvailabilityZone).ShouldBe(["az1", "az1", "az1", "az2", "az2", "az2"]);
        lab.Nodes.Where(n => n.Role != Role.Compute).ShouldAllBe(n => n.AvailabilityZone == null);
    }

    [Fact]
    public void GivenTheCatalog_WhenLaidOut_ThenTheLabRunsOnlyItsCoreServices()
    {
        var lab = new LabLayout(new LabOptions(), Catalog);

        lab.Services.Select(s => s.Name).ShouldBe(Catalog.Services.Where(s => !s.Optional).Select(s => s.Name));
        lab.Services.ShouldContain(s => s.Name == "nova");
        lab.Services.ShouldNotContain(s => s.Optional);
    }

    [Fact]
    public void GivenSeveralBadOptions_WhenValidated_ThenEveryProblemIsReportedTogether()
    {
        var options = new LabOptions(Controllers: 0, Computes: -1, Release: "nosuch", StateDirectory: "relative/dir");

        var error = Should.Throw<InputException>(() => options.Validate(Catalog));

        error.Diagnostics.Count.ShouldBe(4);
        error.Message.ShouldContain("--controllers 0");
        error.Message.ShouldContain("--computes -1");
        error.Message.ShouldContain("--release nosuch");
        error.Message.ShouldContain("epoxy");
        error.Message.ShouldContain("absolute path");
    }

    [Fact]
    public void GivenMoreNodesThanAddresses_WhenValidated_ThenItIsRefused()
    {
        var options = new LabOptions(Controllers: 100, Network: 0, Computes: 150, Volumes: 0);

        Should.Throw<InputException>(() => options.Validate(Catalog)).Message.ShouldContain("250 nodes");
    }

    [Fact]
    public void GivenReleaseIndexes_WhenVersioned_ThenServicePackagesCarryTheirUpstreamMajorAsReleaseDetectionReadsIt()
    {
        var series = Catalog.Releases.Select(r => r.Series).ToList();
        var (epoxy, indri) = (series.IndexOf("epoxy"), series.IndexOf("indri"));
        var versions = new LabVersions(Catalog);

        versions.Of("nova-api", epoxy).ShouldBe("31.0.0-1");
        versions.Of("nova-api", epoxy + 1).ShouldBe("32.0.0-1");
        versions.Of("keystone", epoxy).ShouldBe("27.0.0-1");
        foreach (var code in Catalog.CodeVersions)
        {
            code.SeriesOf(versions.Of(code.Package, epoxy)).ShouldBe("epoxy", code.Service);
            DebianVersion.Compare(versions.Of(code.Package, indri), versions.Of(code.Package, epoxy)).ShouldBePositive(code.Service);
        }
    }

    [Fact]
    public void GivenDpkgQueryOutput_WhenPrerequisitesAreChecked_ThenOnlyPackagesNotInstalledAreMissing()
    {
        var output = string.Join('\n', Prerequisites.Packages.Where(p => p != "haproxy" && p != "socat").Select(p => $"{p} ii "))
            + "\nsocat un \n";

        Prerequisites.Missing(output).ShouldBe(["haproxy", "socat"]);
    }
}
