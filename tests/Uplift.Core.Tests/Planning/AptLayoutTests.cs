using Uplift.Catalog;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Planning;

/// <summary>
/// Issue "seed parity" 4: every node's sources follow the Debian layout (deb822 by default, one-line when an overlay
/// says so), the codename is the node's own (filled on the node, never written into the plan), and the previous
/// release's file is replaced.
/// </summary>
public sealed class AptLayoutTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "examples/large-inventory.yaml" };

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_node_gets_the_deb822_stanza_of_the_target_with_its_own_codename_and_loses_the_former_files(string cluster)
    {
        var inventory = PlanningInputs.Load(cluster);
        var plan = new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var sources = plan.Where(s => s.Kind == AptSourcesStep.Kind).ToList();

        sources.Select(s => s.Node).ShouldBe(inventory.Nodes.Select(n => n.Name), ignoreOrder: true);
        foreach (var step in sources.Select(AptSourcesStep.Read))
        {
            step.SourcesFile.ShouldEndWith(".sources");
            step.Content.ShouldContain("Suites: {codename}-flamingo-backports {codename}-flamingo-backports-nochange");
            step.Content.ShouldNotContain("bookworm", customMessage: "the codename is the node's, read on the node");
            step.Replaced.ShouldBe(["/etc/apt/sources.list.d/openstack.list", "/etc/apt/sources.list.d/{codename}-epoxy.list"]);
        }
    }

    [Fact]
    public void An_overlay_giving_a_source_line_keeps_the_one_line_format()
    {
        var catalog = CatalogLoader.WithOverlay(System.Text.Encoding.UTF8.GetBytes("""
            apt:
              sources-file: /etc/apt/sources.list.d/mirror.list
              source-line: "deb http://mirror.example.net/osbpo {codename}-{series}-backports main"
            """), "overlay.yaml");
        var flamingo = catalog.FindRelease("flamingo")!;

        catalog.Apt.Format.ShouldBe(AptSettings.OneLine);
        AptSourcesStep.For(catalog.Apt, flamingo, catalog.FindRelease("epoxy")).Content
            .ShouldBe("deb http://mirror.example.net/osbpo {codename}-flamingo-backports main\n");
    }

    [Fact]
    public void The_node_fills_the_codename()
    {
        AptSourcesHandler.Filled("Suites: {codename}-gazpacho-backports\n", "trixie").ShouldBe("Suites: trixie-gazpacho-backports\n");
    }
}
