using Uplift.Catalog;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>What the lab's probe asks each API: the shim lab's roots; on the real lab, each API's resources in the token's project.</summary>
public class LabProbeTargetsTests
{
    private static LabLayout Lab(bool openStack) =>
        new(new LabOptions(Controllers: 2, Network: 0, Computes: 2, Volumes: 1, OpenStack: openStack), CatalogLoader.LoadEmbedded());

    [Fact]
    public void Given_the_real_lab_and_a_project_When_the_targets_are_made_Then_each_api_lists_its_resources_and_the_tokenless_apis_answer_their_root()
    {
        var targets = LabProbe.TargetsOf(Lab(openStack: true), "p1").ToDictionary(t => t.Name, t => t.Url.ToString());

        targets["nova"].ShouldBe($"http://{LabLayout.VipAddress}:8774/v2.1/servers");
        targets["cinder"].ShouldBe($"http://{LabLayout.VipAddress}:8776/v3/p1/volumes");
        targets["heat"].ShouldBe($"http://{LabLayout.VipAddress}:8004/v1/p1/stacks");
        targets["keystonepub"].ShouldBe($"http://{LabLayout.VipAddress}:5000/v3/auth/projects");
        targets["novameta"].ShouldBe($"http://{LabLayout.VipAddress}:8775/", "the metadata API takes no keystone token");
    }

    [Fact]
    public void Given_the_shim_lab_When_the_targets_are_made_Then_each_frontend_is_asked_its_root()
    {
        var targets = LabProbe.TargetsOf(Lab(openStack: false), null);

        targets.ShouldNotBeEmpty();
        targets.ShouldAllBe(t => t.Url.AbsolutePath == "/");
    }
}
