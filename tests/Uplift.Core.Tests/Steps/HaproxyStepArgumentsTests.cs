using Uplift.Planning;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Tests.Steps;

/// <summary>A kind's arguments are written by the planner and read by the handler through one record.</summary>
public sealed class HaproxyStepArgumentsTests
{
    private static PlanStep StepOf(StepKind kind, IReadOnlyList<KeyValuePair<string, string>> arguments) =>
        new("nova/ctl1/drain-nova", kind, "control-plane", "nova", ["ctl1"], arguments, "vip-holder", [], [], 0, false, "g");

    [Fact]
    public void A_drain_reads_back_what_the_planner_wrote()
    {
        var drain = new HaproxyDrainStep("novabe", "ctl1", "/run/haproxy/admin.sock", ["ctl1", "ctl2"], 90, Sudo: true);

        var read = HaproxyDrainStep.Read(StepOf(HaproxyDrainStep.Kind, drain.Write()));

        read.Backend.ShouldBe("novabe");
        read.HaproxyNodes.ShouldBe(["ctl1", "ctl2"]);
        read.TimeoutSeconds.ShouldBe(90);
        read.Sudo.ShouldBeTrue();
        read.Write().ShouldBe(drain.Write());
    }

    [Fact]
    public void An_older_plans_drain_without_timeout_or_node_list_gets_the_defaults()
    {
        var step = StepOf(HaproxyDrainStep.Kind,
            [new("backend", "novabe"), new("server", "ctl1"), new("socket", "/run/haproxy/admin.sock"), new("haproxy-node", "ctl2")]);

        var read = HaproxyDrainStep.Read(step);

        read.TimeoutSeconds.ShouldBe(HaproxyDrainStep.DefaultTimeoutSeconds);
        read.HaproxyNodes.ShouldBe(["ctl2"]);
        read.Sudo.ShouldBeFalse();
    }

    [Fact]
    public void An_enable_without_its_backend_is_a_plan_error_naming_the_step()
    {
        var step = StepOf(HaproxyEnableStep.Kind, [new("server", "ctl1"), new("socket", "/run/haproxy/admin.sock")]);

        var error = Should.Throw<PlanStepException>(() => HaproxyEnableStep.Read(step));

        error.Message.ShouldContain("nova/ctl1/drain-nova");
        error.Message.ShouldContain("'backend'");
    }
}
