using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Tests.Planning;

/// <summary>Nodes reached as a non-root user: the HAProxy socket steps go through sudo too.</summary>
public sealed class PlanSudoTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, null)]
    public void HAProxy_steps_carry_the_inventorys_sudo_setting(bool sudo, string? expected)
    {
        var inventory = PlanningInputs.Example with { Ssh = PlanningInputs.Example.Ssh with { Sudo = sudo } };

        var plan = Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo");

        var haproxy = plan.Steps.Where(s => s.Kind == HaproxyDrainStep.Kind || s.Kind == HaproxyEnableStep.Kind || s.Kind == CheckHaproxyBackendsStep.Kind).ToList();
        haproxy.ShouldContain(s => s.Kind == CheckHaproxyBackendsStep.Kind);
        haproxy.ShouldNotBeEmpty();
        haproxy.ShouldAllBe(s => s.Argument("sudo") == expected);
    }
}
