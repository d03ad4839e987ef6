using Uplift.Database;

namespace Uplift.Tests.Backup;

public sealed class OpenStackSchemasTests
{
    private static readonly string[] Present = ["information_schema", "keystone", "mysql", "nova", "nova_api", "nova_cell0", "wiki", "site_billing"];

    [Fact]
    public void Given_a_server_When_nothing_is_requested_Then_the_openstack_schemas_present_are_chosen() =>
        OpenStackSchemas.Select(Present).ShouldBe(["keystone", "nova", "nova_api", "nova_cell0"]);

    [Fact]
    public void Given_extra_site_schemas_When_selected_Then_they_are_added() =>
        OpenStackSchemas.Select(Present, extra: ["site_billing"]).ShouldContain("site_billing");

    [Fact]
    public void Given_requested_schemas_When_one_is_missing_Then_the_error_names_it_and_lists_those_present()
    {
        var error = Should.Throw<ArgumentException>(() => OpenStackSchemas.Select(Present, ["nova", "glance"]));

        error.Message.ShouldContain("glance not found");
        error.Message.ShouldContain("keystone, nova, nova_api, nova_cell0");
    }

    [Fact]
    public void Given_requested_schemas_that_exist_When_selected_Then_exactly_those_are_chosen() =>
        OpenStackSchemas.Select(Present, ["wiki", "nova"]).ShouldBe(["wiki", "nova"]);
}
