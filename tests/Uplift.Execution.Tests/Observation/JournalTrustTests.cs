using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Observation;

/// <summary>A journal is continued only on the machines it worked on, and only where the nodes agree with it.</summary>
public class JournalTrustTests
{
    private static ClusterObservation Nodes(string novaOnCmp1, string machine = "m1") => new(
    [
        new ObservedNode(new Node("cmp1", "10.0.0.11", [Role.Compute]), [new ObservedCode("nova", "python3-nova", novaOnCmp1, null)], machine),
    ]);

    private static readonly Plan Plan = new(1, "lab", "upgrade", [new PlanHop("epoxy", "flamingo")], [],
        [
            new PlanStep("computes/cmp1/install", PackagesInstallStep.Kind, "computes", "nova", ["cmp1"],
                [new("packages", "python3-nova nova-compute"), new("release", "flamingo"), new("code", "python3-nova=32")], "computes", [], [], 0, false, "g"),
        ],
        new PlanInputs("inv.yaml", "ih", "c", "ch", "t", "epoxy", "flamingo", new PlanOptions()), "hash-of-the-plan");

    private static IReadOnlyDictionary<string, StepRecord> Done(string id) => new Dictionary<string, StepRecord>
    {
        [id] = new(id, StepState.Done, 1, null, null, null, "", "", ""),
    };

    [Fact]
    public void Given_an_install_the_journal_has_done_and_the_node_on_the_old_code_When_checked_Then_it_is_a_contradiction() =>
        JournalTrust.Contradictions(Plan, Done("computes/cmp1/install"), Nodes("2:31.0.0-1")).ShouldHaveSingleItem()
            .ShouldBe("computes/cmp1/install is done in the journal (python3-nova 32.x, flamingo), but cmp1 runs python3-nova 2:31.0.0-1 (unknown)");

    [Fact]
    public void Given_the_node_on_the_code_the_journal_installed_When_checked_Then_they_agree() =>
        JournalTrust.Contradictions(Plan, Done("computes/cmp1/install"), Nodes("2:32.0.0-1")).ShouldBeEmpty();

    [Fact]
    public void Given_an_install_not_done_in_the_journal_When_checked_Then_the_old_code_is_expected() =>
        JournalTrust.Contradictions(Plan, new Dictionary<string, StepRecord>(), Nodes("2:31.0.0-1")).ShouldBeEmpty();

    [Fact]
    public void Given_a_node_with_another_machine_id_or_host_key_When_compared_Then_it_is_another_machine()
    {
        var then = ClusterIdentity.Of(Nodes("2:31.0.0-1", "m1"), _ => ["SHA256:a"]);

        then.MachinesChanged(ClusterIdentity.Of(Nodes("2:31.0.0-1", "m2"), _ => ["SHA256:a"])).ShouldHaveSingleItem().ShouldBe("cmp1: machine id m2, was m1");
        then.MachinesChanged(ClusterIdentity.Of(Nodes("2:31.0.0-1", "m1"), _ => ["SHA256:b"])).ShouldHaveSingleItem().ShouldBe("cmp1: host key SHA256:b, was SHA256:a");
        then.MachinesChanged(ClusterIdentity.Of(Nodes("2:32.0.0-1", "m1"), _ => ["SHA256:a", "SHA256:c"])).ShouldBeEmpty("an upgrade or a new key beside the old one is the same machine");
    }

    [Fact]
    public void Given_an_identity_When_written_and_read_Then_it_is_the_same()
    {
        var identity = ClusterIdentity.Of(Nodes("2:31.0.0-1"), _ => ["SHA256:a"]);

        ClusterIdentity.Parse(identity.ToJson()).Nodes["cmp1"].ShouldBe(identity.Nodes["cmp1"] with { }, new NodeIdentityComparer());
        Should.Throw<FormatException>(() => ClusterIdentity.Parse("{not json"));
    }

    private sealed class NodeIdentityComparer : IEqualityComparer<NodeIdentity>
    {
        public bool Equals(NodeIdentity? x, NodeIdentity? y) =>
            x!.MachineId == y!.MachineId && x.Release == y.Release && x.HostKeys.SequenceEqual(y.HostKeys);

        public int GetHashCode(NodeIdentity obj) => obj.Release.GetHashCode(StringComparison.Ordinal);
    }
}
