using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
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

    [Fact]
    public void The_inventory_apt_section_replaces_the_catalogs_keys_for_the_cluster()
    {
        var text = File.ReadAllText(Uplift.Testing.Fixtures.Project("examples/inventory.yaml")) + """

            apt:
              uris: http://mirror.example.net/osbpo
              signed_by: /etc/apt/keyrings/osbpo.asc
              replaces: [/etc/apt/sources.list.d/osbpo.list]
            """;
        var inventory = InventoryLoader.Parse(text, "inventory.yaml");
        var plan = new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var step = AptSourcesStep.Read(plan["prepare/ctl1/apt-sources"]);

        step.SourcesFile.ShouldBe(PlanningInputs.Catalog.Apt.SourcesFile, "a key left out keeps the catalog's");
        step.Content.ShouldBe("Types: deb\nURIs: http://mirror.example.net/osbpo\nSuites: {codename}-flamingo-backports {codename}-flamingo-backports-nochange\n" +
            "Components: main\nSigned-By: /etc/apt/keyrings/osbpo.asc\n");
        step.Replaced.ShouldBe(["/etc/apt/sources.list.d/osbpo.list"]);
    }

    [Fact]
    public void An_inventory_source_line_means_the_one_line_format_and_an_unknown_format_is_refused_at_its_line()
    {
        var line = InventoryLoader.Parse("cluster: c\nnodes:\n  - {name: ctl1, address: 10.0.0.1, roles: [controller]}\n" +
            "apt:\n  sources_file: /etc/apt/sources.list.d/mirror.list\n  source_line: \"deb http://mirror {codename}-{series}-backports main\"\n", "inv.yaml");
        PlanningInputs.Catalog.Apt.With(line.Apt).ContentFor(PlanningInputs.Catalog.FindRelease("flamingo")!)
            .ShouldBe("deb http://mirror {codename}-flamingo-backports main\n");

        var problem = Should.Throw<InputException>(() => InventoryLoader.Parse(
            "cluster: c\nnodes:\n  - {name: ctl1, address: 10.0.0.1, roles: [controller]}\napt:\n  format: rfc822\n", "inv.yaml")).Diagnostics.ShouldHaveSingleItem();
        problem.Summary.ShouldBe("apt format 'rfc822' is unknown");
        problem.Where!.Line.ShouldBe(5);
    }
}
