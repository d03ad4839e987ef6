using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class KeystoneRolesTests
{
    private static string Sample(string name) => File.ReadAllText(Fixtures.Project($"tests/Uplift.OpenStack.Tests/Samples/identity/{name}"));

    [Fact]
    public void Given_keystones_answer_to_roles_by_name_When_parsed_Then_the_roles_id_is_read()
    {
        KeystoneRoles.ParseIds(Sample("epoxy_roles_name-service.json")).ShouldBe(["38dc5a1a1b694fe687933aa11570b93f"]);
    }

    [Fact]
    public void Given_keystones_effective_assignments_with_names_When_parsed_Then_each_service_user_holds_the_role_on_the_service_project()
    {
        var holders = KeystoneRoles.ParseAssignments(Sample("epoxy_role-assignments_service-role_effective_include-names.json"));

        holders.Select(h => h.User).ShouldBe(["heat", "placement", "glance", "neutron", "cinder", "nova"], ignoreOrder: true);
        holders.ShouldAllBe(h => h.Role == "service" && h.Project == "service");
        holders[0].UserDomain.ShouldBe(new KeystoneDomain("default", "Default"));
        holders[0].ProjectDomain.Is("Default").ShouldBeTrue();
        holders[0].ProjectDomain.Is("default").ShouldBeTrue();
        holders[0].ProjectDomain.Is("other").ShouldBeFalse();
    }

    [Fact]
    public void Given_an_assignment_on_a_domain_When_parsed_Then_it_is_left_out_as_no_project_is_scoped()
    {
        var domainScoped = """{"role_assignments": [{"scope": {"domain": {"id": "default", "name": "Default"}}, "user": {"id": "u", "name": "nova", "domain": {"id": "default", "name": "Default"}}, "role": {"id": "r", "name": "service"}}]}""";

        KeystoneRoles.ParseAssignments(domainScoped).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_answer_that_is_not_a_role_assignment_list_When_parsed_Then_the_error_names_it()
    {
        Should.Throw<FormatException>(() => KeystoneRoles.ParseAssignments("""{"roles": []}"""))
            .Message.ShouldContain("keystone role assignments: 'role_assignments' is missing");
    }

    [Fact]
    public void Given_the_requests_When_built_Then_they_ask_keystone_for_effective_assignments_with_names()
    {
        IdentityRequests.RolesNamed("service").Path.ShouldBe("/roles?name=service");
        IdentityRequests.HoldersOf("38dc").Path.ShouldBe("/role_assignments?role.id=38dc&effective=true&include_names=true");
    }
}
