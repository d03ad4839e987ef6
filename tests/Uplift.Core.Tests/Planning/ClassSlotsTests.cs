using Uplift.Planning;

namespace Uplift.Tests.Planning;

/// <summary>The slots of concurrency classes: per-step classes count steps, per-node classes count nodes in their window.</summary>
public sealed class ClassSlotsTests
{
    private static readonly Plan Plan = new(PlanJson.FormatVersion, "c", "upgrade", [], [
            new ConcurrencyClass("computes", 2, "window", PerNode: true),
            new ConcurrencyClass("nodes", 1, "steps"),
        ],
        [
            Step("a/disable", "a"), Step("a/enable", "a"),
            Step("b/disable", "b"), Step("b/enable", "b"),
            Step("c/disable", "c"), Step("c/enable", "c"),
            Step("n1", "a", "nodes"), Step("n2", "b", "nodes"),
        ],
        new PlanInputs("i", "h", "1", "c", "0", "epoxy", "flamingo", new PlanOptions()), "hash");

    [Fact]
    public void A_node_holds_its_place_between_its_steps_and_the_next_node_enters_when_it_leaves()
    {
        var slots = new ClassSlots(Plan, _ => false);

        slots.Take(S("a/disable"));
        slots.Take(S("b/disable"));
        slots.Release(S("a/disable"));
        slots.Release(S("b/disable"));

        slots.HasRoom(S("c/disable")).ShouldBeFalse("a and b are still in their window");
        slots.HasRoom(S("a/enable")).ShouldBeTrue("a holds its place");
        slots.Take(S("a/enable"));
        slots.Release(S("a/enable"));
        slots.HasRoom(S("c/disable")).ShouldBeTrue("a left");
        slots.InUse("computes").ShouldBe(1);
    }

    [Fact]
    public void A_node_whose_remaining_steps_will_never_run_gives_its_place_back()
    {
        var slots = new ClassSlots(Plan, _ => false);
        slots.Take(S("a/disable"));
        slots.Take(S("b/disable"));
        slots.Release(S("a/disable"));

        slots.Drop(S("a/enable"));

        slots.HasRoom(S("c/disable")).ShouldBeTrue();
    }

    [Fact]
    public void On_resume_a_node_with_some_steps_done_holds_its_place_from_the_start()
    {
        var slots = new ClassSlots(Plan, s => s.Id is "a/disable" or "b/disable");

        slots.InUse("computes").ShouldBe(2);
        slots.HasRoom(S("c/disable")).ShouldBeFalse();
        slots.HasRoom(S("b/enable")).ShouldBeTrue();
    }

    [Fact]
    public void A_per_step_class_counts_steps()
    {
        var slots = new ClassSlots(Plan, _ => false);

        slots.Take(S("n1"));

        slots.HasRoom(S("n2")).ShouldBeFalse();
        slots.Release(S("n1"));
        slots.HasRoom(S("n2")).ShouldBeTrue();
    }

    private static PlanStep S(string id) => Plan.Steps.Single(s => s.Id == id);

    private static PlanStep Step(string id, string node, string cls = "computes") =>
        new(id, new StepKind("units-restart"), "computes", null, [node], [], cls, [], [], 0, false, "g");
}
