using Uplift.Inventory;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The cached layer of each role's nodes over the base tree: what it is made from, and how a node stacks it.</summary>
public class RoleLayerTests
{
    private static readonly DateTime Built = new(2026, 12, 7, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Given_each_role_When_its_layer_is_named_Then_it_sits_beside_the_base_tree_and_a_node_stacks_it_above_the_base()
    {
        RoleLayer.PathOf("/var/cache/uplift-lab/trixie-root", Role.Compute).ShouldBe("/var/cache/uplift-lab/trixie-root-compute");
        RoleLayer.LowerDirs("/var/cache/uplift-lab/trixie-root", Role.Volume)
            .ShouldBe("/var/cache/uplift-lab/trixie-root-volume:/var/cache/uplift-lab/trixie-root");
    }

    [Fact]
    public void Given_a_layer_When_the_base_tree_is_built_again_or_the_role_differs_Then_its_manifest_differs_and_it_is_made_again()
    {
        var compute = RoleLayer.Manifest(Role.Compute, Built);

        compute.ShouldContain(OpenStackNodes.PurgeCommand(Role.Compute));
        RoleLayer.Manifest(Role.Compute, Built).ShouldBe(compute);
        RoleLayer.Manifest(Role.Compute, Built.AddMinutes(5)).ShouldNotBe(compute);
        RoleLayer.Manifest(Role.Controller, Built).ShouldNotBe(compute);
    }
}
