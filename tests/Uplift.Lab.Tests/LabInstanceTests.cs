using Uplift.Catalog;
using Uplift.Lab;

namespace Uplift.Tests;

public class LabInstanceTests
{
    private static LabLayout Lab(int instances) =>
        new(new LabOptions(Computes: 2, StateDirectory: "/srv/lab", InstancesPerCompute: instances), CatalogLoader.LoadEmbedded());

    private static List<LabInstance> Instances(LabLayout lab) =>
        [.. ShimData.Cluster(lab).Where(f => f.Key.StartsWith("instances/", StringComparison.Ordinal))
            .Select(f => LabInstance.Parse(f.Key["instances/".Length..], f.Value))];

    [Fact]
    public void Given_instances_per_compute_When_the_cluster_state_is_written_Then_each_compute_holds_that_many_ACTIVE_ones_with_ids_stable_per_name()
    {
        var first = Instances(Lab(3));
        var again = Instances(Lab(3));

        first.GroupBy(i => i.Host).Select(g => (g.Key, g.Count())).ShouldBe([("cmp1", 3), ("cmp2", 3)], ignoreOrder: true);
        first.ShouldAllBe(i => i.Status == "ACTIVE" && i.TaskState == null && i.Name.StartsWith("lab-" + i.Host + "-"));
        first.Select(i => i.Id).Distinct().Count().ShouldBe(6);
        first.Select(i => (i.Id, i.Name)).ShouldBe(again.Select(i => (i.Id, i.Name)), ignoreOrder: true);
        Guid.TryParse(first[0].Id, out _).ShouldBeTrue();
    }

    [Fact]
    public void Given_no_instances_asked_When_the_cluster_state_is_written_Then_there_is_none()
    {
        Instances(Lab(0)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_instance_file_mid_migration_When_parsed_Then_empty_values_are_null_and_extra_keys_are_ignored()
    {
        var migrating = LabInstance.Parse("id-1", "name=lab-cmp1-1\nhost=cmp1\nstatus=MIGRATING\ntask_state=migrating\ndest=cmp2\ndue=1.5\n");
        var settled = LabInstance.Parse("id-1", "name=lab-cmp1-1\nhost=cmp2\nstatus=ACTIVE\ntask_state=\nvm_state=active\n");

        migrating.ShouldBe(new LabInstance("id-1", "lab-cmp1-1", "cmp1", "MIGRATING", "migrating"));
        settled.ShouldBe(new LabInstance("id-1", "lab-cmp1-1", "cmp2", "ACTIVE", null));
    }

    [Fact]
    public void Given_instances_on_computes_When_lab_status_sums_them_up_Then_it_counts_by_status_and_by_host()
    {
        LabInstance[] instances = [new("a", "x", "cmp2", "ACTIVE", null), new("b", "y", "cmp1", "MIGRATING", "migrating"), new("c", "z", "cmp2", "ACTIVE", null)];

        LabStatus.InstancesLine(instances).ShouldBe("Instances: 3 (2 ACTIVE, 1 MIGRATING): cmp1 1, cmp2 2");
    }
}
