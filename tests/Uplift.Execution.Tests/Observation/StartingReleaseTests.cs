using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Upgrade.Observation;

namespace Uplift.Tests.Observation;

public class StartingReleaseTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();

    /// <summary>A cluster whose nodes run nova at these versions ("ctl1=2:31.0.0-1").</summary>
    private static ClusterObservation Cluster(params string[] nodes) => new(nodes.Select(n =>
    {
        var (name, version) = (n.Split('=')[0], n.Split('=')[1]);
        var nova = Catalog.CodeVersionsOf("nova")!;
        return new ObservedNode(new Node(name, "10.0.0.1", [Role.Controller]),
            [new ObservedCode("nova", nova.Package, version, nova.SeriesOf(version))], null);
    }).ToList());

    [Fact]
    public void Given_every_node_on_epoxy_and_no_from_When_deciding_Then_the_plan_starts_from_epoxy()
    {
        var (from, note) = StartingRelease.Decide(Cluster("ctl1=2:31.0.0-1", "ctl2=2:31.0.2-1"), Catalog, null, "flamingo", "");

        from.ShouldBe("epoxy");
        note.ShouldBeNull();
    }

    [Fact]
    public void Given_a_from_the_nodes_do_not_run_When_deciding_Then_it_is_refused_naming_the_nodes_and_what_they_run()
    {
        var refused = Should.Throw<InputException>(() =>
            StartingRelease.Decide(Cluster("ctl1=2:31.0.0-1", "ctl2=2:31.0.0-1"), Catalog, "caracal", "dalmatian", ""));

        refused.Message.ShouldContain("--from caracal, but the nodes run epoxy: ctl1 ctl2");
        refused.Diagnostics[0].Hint!.ShouldContain("--from epoxy");
    }

    [Fact]
    public void Given_nodes_on_the_start_and_the_target_When_deciding_Then_the_plan_continues_from_the_oldest()
    {
        var (from, note) = StartingRelease.Decide(Cluster("ctl1=2:32.0.0-1", "ctl2=2:31.0.0-1"), Catalog, "epoxy", "flamingo", "");

        from.ShouldBe("epoxy");
        note.ShouldNotBeNull().ShouldContain("part way from epoxy to flamingo (flamingo: ctl1; epoxy: ctl2)");
    }

    [Fact]
    public void Given_nodes_on_the_intermediate_release_of_a_two_hop_path_When_deciding_Then_it_is_a_continuation()
    {
        var (from, note) = StartingRelease.Decide(Cluster("ctl1=2:29.0.0-1", "ctl2=2:28.0.0-1"), Catalog, null, "epoxy", "caracal");

        from.ShouldBe("bobcat");
        note.ShouldNotBeNull();
    }

    [Fact]
    public void Given_nodes_on_releases_no_path_joins_When_deciding_Then_it_is_refused()
    {
        var refused = Should.Throw<InputException>(() =>
            StartingRelease.Decide(Cluster("ctl1=2:29.0.0-1", "ctl2=2:30.0.0-1"), Catalog, null, "gazpacho", "epoxy"));

        refused.Message.ShouldContain("dalmatian is not on the way from caracal to gazpacho");
    }

    [Fact]
    public void Given_a_version_no_release_has_When_deciding_Then_the_node_and_package_are_named()
    {
        var refused = Should.Throw<InputException>(() => StartingRelease.Decide(Cluster("ctl1=2:90.0.0-1"), Catalog, null, "flamingo", ""));

        refused.Message.ShouldContain("ctl1 runs nova 2:90.0.0-1 (python3-nova), which no release of the catalog has");
    }

    [Fact]
    public void Given_a_cluster_already_on_the_target_and_the_old_from_When_deciding_Then_it_is_refused()
    {
        var refused = Should.Throw<InputException>(() =>
            StartingRelease.Decide(Cluster("ctl1=2:32.0.0-1", "ctl2=2:32.0.0-1"), Catalog, "epoxy", "flamingo", ""));

        refused.Message.ShouldContain("the nodes run flamingo");
    }

    [Fact]
    public void Given_a_journal_plan_and_every_node_already_on_its_target_When_continuing_Then_it_is_allowed_with_a_note()
    {
        var note = StartingRelease.Continue(Cluster("ctl1=2:32.0.0-1", "ctl2=2:32.0.0-1"), Catalog, "epoxy", "flamingo", "");

        note.ShouldNotBeNull().ShouldContain("part way from epoxy to flamingo");
    }

    [Fact]
    public void Given_a_journal_plan_and_a_node_on_an_older_release_than_its_start_When_continuing_Then_it_is_refused()
    {
        var refused = Should.Throw<InputException>(() =>
            StartingRelease.Continue(Cluster("ctl1=2:30.0.0-1", "ctl2=2:31.0.0-1"), Catalog, "epoxy", "flamingo", ""));

        refused.Message.ShouldContain("dalmatian is not on the way from epoxy to flamingo");
    }
}
