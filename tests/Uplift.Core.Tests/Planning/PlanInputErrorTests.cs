using Uplift.Diagnostics;
using Uplift.Planning;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Planning;

/// <summary>Bad planning input is refused with a message that says what, where and what to do.</summary>
public sealed class PlanInputErrorTests
{
    private static InputException Refused(string from, string to, PlanOptions? options = null) =>
        Should.Throw<InputException>(() => Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, from, to, options));

    [Fact]
    public void An_unknown_release_is_refused_with_the_known_series()
    {
        var error = Refused("epoxy", "flamingoo");

        error.Message.ShouldContain("unknown release 'flamingoo'");
        error.Message.ShouldContain("flamingo (2025.2)");
    }

    [Fact]
    public void Bobcat_to_epoxy_is_refused_saying_why_and_proposing_the_path_through_caracal()
    {
        var error = Refused("bobcat", "epoxy");

        error.Message.ShouldContain("bobcat is not a SLURP release");
        error.Message.ShouldContain("bobcat → caracal → epoxy");
        error.Diagnostics.Single().Hint.ShouldBe("plan it as consecutive upgrades: --via caracal");
    }

    [Fact]
    public void A_refused_hop_inside_via_is_refused_too()
    {
        Refused("zed", "epoxy", new PlanOptions(Via: "bobcat")).Message.ShouldContain("zed");
    }

    [Fact]
    public void A_downgrade_is_refused()
    {
        Refused("flamingo", "epoxy").Message.ShouldContain("downgrade");
    }

    [Fact]
    public void A_VIP_holder_that_is_not_a_controller_is_refused_naming_the_controllers()
    {
        var error = Refused("epoxy", "flamingo", new PlanOptions(VipHolder: "cmp1"));

        error.Message.ShouldContain("VIP holder 'cmp1' is not a controller");
        error.Diagnostics.Single().Hint!.ShouldContain("ctl1, ctl2, ctl3");
    }

    [Fact]
    public void An_unknown_optional_service_is_refused_naming_the_inventory()
    {
        var inventory = PlanningInputs.Example with { OptionalServices = ["barbican", "manilla"] };

        var error = Should.Throw<InputException>(() => Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo"));

        error.Message.ShouldContain("examples/inventory.yaml: unknown optional service 'manilla'");
    }

    [Fact]
    public void A_plan_file_of_another_format_version_is_refused()
    {
        var json = PlanJson.Write(Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo"))
            .Replace("\"format_version\": 1", "\"format_version\": 9", StringComparison.Ordinal);

        var error = Should.Throw<InputException>(() => PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "old.json"));

        error.Message.ShouldContain("old.json:2: plan format version 9 is not supported");
    }

    [Fact]
    public void A_plan_file_with_a_broken_reference_is_refused()
    {
        var json = PlanJson.Write(Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo"))
            .Replace("\"preflight/ctl1/reachable\"\n", "\"preflight/ctl9/reachable\"\n", StringComparison.Ordinal);

        var error = Should.Throw<InputException>(() => PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "edited.json"));

        error.Message.ShouldContain("refers to 'preflight/ctl9/reachable', which is not an earlier step");
    }

    [Fact]
    public void A_plan_file_with_a_class_limit_of_zero_is_refused()
    {
        var json = PlanJson.Write(Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo"))
            .Replace("\"name\": \"cluster\",\n      \"limit\": 1", "\"name\": \"cluster\",\n      \"limit\": 0", StringComparison.Ordinal);

        var error = Should.Throw<InputException>(() => PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "edited.json"));

        error.Message.ShouldContain("limit");
        error.Message.ShouldContain("at least 1");
    }
}
