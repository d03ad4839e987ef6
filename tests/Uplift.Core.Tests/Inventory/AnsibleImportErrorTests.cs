using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Inventory.Ansible;

namespace Uplift.Tests.Inventory;

public class AnsibleImportErrorTests
{
    private static IReadOnlyList<Diagnostic> Problems(string text, string name = "hosts") =>
        Should.Throw<InputException>(() => AnsibleInventoryImporter.Parse(text, name)).Diagnostics;

    [Fact]
    public void Given_a_backwards_host_range_When_imported_Then_the_error_gives_the_line()
    {
        var problem = Problems("[control]\nctl1\n\n[compute]\n  cmp[09:01]\n").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 5, 3));
        problem.Summary.ShouldBe("bad host range in 'cmp[09:01]': '[09:01]' runs backwards: the first number must not be above the last");
        problem.Hint.ShouldNotBeNull();
    }

    [Fact]
    public void Given_an_unknown_section_kind_When_imported_Then_it_is_reported_at_its_line()
    {
        var problem = Problems("[compute]\ncmp1\n[compute:hostvars]\nx=1\n").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 3, 1));
        problem.Summary.ShouldBe("section [compute:hostvars] is not a kind Ansible knows");
    }

    [Fact]
    public void Given_children_naming_an_undefined_group_When_imported_Then_the_child_line_is_reported()
    {
        var problem = Problems("[compute:children]\nrack1\nrack2\n\n[rack1]\ncmp1\n").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 3, 1));
        problem.Summary.ShouldBe("[compute:children] names group 'rack2', which is defined nowhere");
    }

    [Fact]
    public void Given_a_host_variable_without_a_value_When_imported_Then_the_line_is_reported()
    {
        var problem = Problems("[compute]\ncmp1 ansible_host\n").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 2, 1));
        problem.Summary.ShouldContain("'ansible_host' is not a key=value host variable");
    }

    [Fact]
    public void Given_a_bad_port_and_a_bad_address_When_imported_Then_both_are_reported_at_their_hosts()
    {
        var problems = Problems("[compute]\ncmp1 ansible_port=ssh\ncmp2 ansible_host=10.0.0\n");

        problems.Select(p => (p.Where!.Line, p.Summary)).ShouldBe(
        [
            (2, "host 'cmp1' has ansible_port 'ssh', not a port number"),
            (3, "host 'cmp2' has address '10.0.0', which is neither an IP address nor a host name"),
        ]);
    }

    [Fact]
    public void Given_no_host_in_a_role_group_When_imported_Then_the_error_names_the_groups_to_use()
    {
        var problem = Problems("[webservers]\nweb1\n").ShouldHaveSingleItem();

        problem.Summary.ShouldBe("no host is in a control, network, compute or storage group");
        problem.Hint!.ShouldContain("[control]");
    }

    [Fact]
    public void Given_a_YAML_inventory_with_a_syntax_error_When_imported_Then_line_and_column_are_given()
    {
        var problem = Problems("all:\n  children:\n    compute:\n      hosts: [cmp1\n", "hosts.yml").ShouldHaveSingleItem();

        problem.Where!.File.ShouldBe("hosts.yml");
        problem.Where.Line.ShouldBe(5);
        problem.Summary.ShouldStartWith("YAML syntax error");
    }

    [Fact]
    public void Given_a_YAML_group_with_an_unknown_key_When_imported_Then_the_closest_key_is_suggested()
    {
        var problem = Problems("all:\n  children:\n    compute:\n      host:\n        cmp1:\n", "hosts.yaml").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts.yaml", 4, 7));
        problem.Hint!.ShouldStartWith("did you mean 'hosts'?");
    }

    [Fact]
    public void Given_a_YAML_host_range_error_When_imported_Then_it_is_reported_at_the_host_key()
    {
        var problem = Problems("all:\n  children:\n    compute:\n      hosts:\n        cmp[a:3]:\n", "hosts.yaml").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts.yaml", 5, 9));
        problem.Summary.ShouldStartWith("bad host range in 'cmp[a:3]'");
    }

    [Fact]
    public void Given_a_YAML_inventory_with_an_unclosed_bracket_before_a_mapping_line_When_imported_Then_it_is_a_syntax_error_not_a_crash()
    {
        var problem = Problems("all: [\nb: c\n", "hosts.yml").ShouldHaveSingleItem();

        problem.Summary.ShouldBe("YAML syntax error: a '[' or '{' opened before this place is not closed");
        problem.Where.ShouldBe(new SourceLocation("hosts.yml", 1, 6));
    }

    [Fact]
    public void Given_groups_that_contain_each_other_When_imported_Then_the_loop_is_named_at_the_line_closing_it()
    {
        var problem = Problems("[control]\nctl1\n\n[compute:children]\nrack1\n\n[rack1:children]\nrack2\n\n[rack2:children]\ncompute\n\n[rack2]\ncmp1\n")
            .ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 11, 1));
        problem.Summary.ShouldBe("groups contain each other: compute → rack1 → rack2 → compute");
    }

    [Fact]
    public void Given_a_YAML_group_that_is_its_own_child_When_imported_Then_the_loop_is_reported()
    {
        var problem = Problems("all:\n  children:\n    control:\n      hosts:\n        ctl1:\n      children:\n        control:\n", "hosts.yaml")
            .ShouldHaveSingleItem();

        problem.Summary.ShouldBe("groups contain each other: control → control");
        problem.Where!.Line.ShouldBe(7);
    }

    [Fact]
    public void Given_one_host_in_two_groups_with_two_addresses_When_imported_Then_both_lines_are_named()
    {
        var problem = Problems("[control]\nctl1 ansible_host=10.0.0.11\n\n[network]\nctl1 ansible_host=10.0.0.99\n").ShouldHaveSingleItem();

        problem.Where.ShouldBe(new SourceLocation("hosts", 5, 1));
        problem.Summary.ShouldBe("host 'ctl1' has ansible_host=10.0.0.99 here but ansible_host=10.0.0.11 at hosts:2:1");
    }

    [Fact]
    public void Given_one_host_in_two_groups_with_the_same_address_When_imported_Then_it_is_one_node_with_both_roles()
    {
        var import = AnsibleInventoryImporter.Parse("[control]\nctl1 ansible_host=10.0.0.11\n\n[network]\nctl1 ansible_host=10.0.0.11\n", "hosts");

        import.Inventory.Nodes.ShouldHaveSingleItem().Roles.ShouldBe([Role.Controller, Role.Network]);
    }
}
