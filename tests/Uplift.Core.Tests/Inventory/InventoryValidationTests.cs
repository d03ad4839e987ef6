using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Tests.Inventory;

public class InventoryValidationTests
{
    private static IReadOnlyList<Diagnostic> Problems(string yaml) =>
        Should.Throw<InputException>(() => InventoryLoader.Parse(yaml, "inv.yaml")).Diagnostics;

    private static Diagnostic OnlyProblem(string yaml) => Problems(yaml).ShouldHaveSingleItem();

    [Fact]
    public void Given_a_YAML_syntax_error_When_parsed_Then_it_is_reported_at_its_line_and_column()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - name: "ctl1
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 3, 11));
        problem.Summary.ShouldStartWith("YAML syntax error");
        problem.ToString().ShouldStartWith("inv.yaml:3:11: YAML syntax error");
    }

    /// <summary>YamlDotNet's scanner throws InvalidOperationException on this input (an unclosed '[' before a mapping
    /// line): it crashed uplift (exit 134) before.</summary>
    [Fact]
    public void Given_an_unclosed_bracket_before_a_mapping_line_When_parsed_Then_it_is_a_syntax_error_with_its_place_not_a_crash()
    {
        var problem = OnlyProblem("a: [\nb: c\n");

        problem.ToString().ShouldBe("inv.yaml:1:4: YAML syntax error: a '[' or '{' opened before this place is not closed (close it with ']' or '}' where the list or mapping ends)");
    }

    /// <summary>ssh gets the user as the word after -l, so it is never an option; still, a user that looks like one is a
    /// mistake or an attack, and is refused where it is written.</summary>
    [Theory]
    [InlineData("root -oProxyCommand=x")]
    [InlineData("-oProxyCommand=x")]
    [InlineData("ro ot")]
    public void Given_an_ssh_user_that_is_not_a_login_name_When_parsed_Then_it_is_refused_at_its_place(string user)
    {
        var problem = OnlyProblem($"cluster: c\nssh:\n  user: \"{user}\"\nnodes:\n  - {{name: ctl1, address: 10.0.0.1, roles: [controller]}}\n");

        problem.Summary.ShouldBe($"ssh.user '{user}' is not a login name");
        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 3, 9));
    }

    [Theory]
    [InlineData("ubuntu")]
    [InlineData("svc.uplift@corp")]
    [InlineData("deploy_1")]
    public void Given_an_ordinary_login_name_When_parsed_Then_it_is_the_nodes_user(string user) =>
        InventoryLoader.Parse($"cluster: c\nnodes:\n  - {{name: ctl1, address: 10.0.0.1, roles: [controller], ssh_user: \"{user}\"}}\n", "inv.yaml")
            .Nodes[0].User.ShouldBe(user);

    [Fact]
    public void Given_two_nodes_on_one_address_and_a_role_listed_twice_When_parsed_Then_both_are_reported()
    {
        var problems = Problems("""
            cluster: c
            nodes:
              - {name: ctl1, address: 10.0.0.1, roles: [controller]}
              - {name: cmp1, address: 10.0.0.1, roles: [compute, compute]}
              - {name: cmp2, address: 10.0.0.1, ssh_port: 2222, roles: [compute]}
            """);

        problems.Select(p => p.ToString()).ShouldBe(
        [
            "inv.yaml:4:27: node 'cmp1' has the address of node 'ctl1' (10.0.0.1, at inv.yaml:3:27) (give each node its own address (or its own ssh_port when several sshd listen on one host))",
            "inv.yaml:4:54: node 'cmp1' lists role 'compute' twice (list each role once)",
        ]);
    }

    [Fact]
    public void Given_a_key_written_twice_When_parsed_Then_the_second_one_is_reported()
    {
        var problem = OnlyProblem("cluster: a\ncluster: b\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 2, 1));
        problem.Summary.ShouldContain("'cluster' is written twice");
    }

    [Fact]
    public void Given_misspelled_keys_When_parsed_Then_each_is_reported_with_the_closest_known_key()
    {
        var problems = Problems("""
            cluster: c
            nodes:
              - name: ctl1
                adress: 10.0.0.1
                roles: [controller]
            ssh:
              prot: 22
            """);

        problems.Count.ShouldBe(3);
        problems[0].Where.ShouldBe(new SourceLocation("inv.yaml", 3, 5));
        problems[0].Summary.ShouldBe("node 'ctl1' has no address");
        problems[1].Where.ShouldBe(new SourceLocation("inv.yaml", 4, 5));
        problems[1].Summary.ShouldBe("unknown key 'nodes[0].adress'");
        problems[1].Hint!.ShouldStartWith("did you mean 'address'?");
        problems[2].Where.ShouldBe(new SourceLocation("inv.yaml", 7, 3));
        problems[2].Summary.ShouldBe("unknown key 'ssh.prot'");
        problems[2].Hint!.ShouldStartWith("did you mean 'port'?");
    }

    [Fact]
    public void Given_two_nodes_with_the_same_name_When_parsed_Then_the_error_points_at_the_second_and_names_the_first()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - name: cmp1
                address: 10.0.0.1
                roles: [compute]
              - name: cmp1
                address: 10.0.0.2
                roles: [compute]
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 6, 11));
        problem.Summary.ShouldBe("node name 'cmp1' is used twice: here and at inv.yaml:3:11");
        problem.Hint.ShouldNotBeNull();
    }

    [Fact]
    public void Given_a_node_without_roles_When_parsed_Then_the_node_is_named_and_the_valid_roles_listed()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - name: cmp1
                address: 10.0.0.1
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 3, 5));
        problem.Summary.ShouldBe("node 'cmp1' has no roles");
        problem.Hint!.ShouldContain("controller, network, compute, volume");
    }

    [Fact]
    public void Given_an_empty_role_list_When_parsed_Then_the_list_is_pointed_at()
    {
        var problem = OnlyProblem("cluster: c\nnodes:\n  - name: cmp1\n    address: 10.0.0.1\n    roles: []\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 12));
        problem.Summary.ShouldBe("node 'cmp1' has no roles");
    }

    [Fact]
    public void Given_an_unknown_role_When_parsed_Then_the_closest_and_all_valid_roles_are_suggested()
    {
        var problem = OnlyProblem("cluster: c\nnodes:\n  - name: ctl1\n    address: 10.0.0.1\n    roles: [controler]\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 13));
        problem.Summary.ShouldBe("node 'ctl1' has unknown role 'controler'");
        problem.Hint.ShouldBe("did you mean 'controller'? valid: controller, network, compute, volume, swift-proxy, swift-storage, telemetry, puppet-master, ceph");
    }

    [Theory]
    [InlineData("10.0.0", 4, 14)]
    [InlineData("10.0.0.300", 4, 14)]
    [InlineData("ctl1.example.net:2222", 4, 14)]
    [InlineData("-bad-.example", 4, 14)]
    public void Given_a_bad_address_When_parsed_Then_it_is_reported_at_the_value(string address, int line, int column)
    {
        var problem = OnlyProblem($"cluster: c\nnodes:\n  - name: ctl1\n    address: {address}\n    roles: [compute]\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", line, column));
        problem.Summary.ShouldContain($"'{address}'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("ssh")]
    public void Given_a_bad_port_When_parsed_Then_the_valid_range_is_given(string port)
    {
        var problem = OnlyProblem($"cluster: c\nnodes:\n  - name: ctl1\n    address: 10.0.0.1\n    roles: [compute]\n    ssh_port: {port}\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 6, 15));
        problem.Summary.ShouldBe($"'nodes[0].ssh_port' is '{port}', not a whole number from 1 to 65535");
    }

    [Fact]
    public void Given_no_cluster_name_When_parsed_Then_the_error_says_to_add_one()
    {
        var problem = OnlyProblem("nodes:\n  - name: ctl1\n    address: 10.0.0.1\n    roles: [compute]\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 1, 1));
        problem.Summary.ShouldBe("the inventory has no cluster name");
        problem.Hint!.ShouldContain("cluster: <name>");
    }

    [Fact]
    public void Given_three_controllers_and_no_api_vip_When_parsed_Then_the_pacemaker_section_is_pointed_at()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - {name: ctl1, address: 10.0.0.1, roles: [controller]}
              - {name: ctl2, address: 10.0.0.2, roles: [controller]}
              - {name: ctl3, address: 10.0.0.3, roles: [controller]}
            pacemaker:
              vip_address: 10.0.0.10
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 7, 3));
        problem.Summary.ShouldBe("3 controllers (ctl1, ctl2, ctl3) but no pacemaker.api_vip");
        problem.Hint!.ShouldContain("api_vip");
    }

    [Fact]
    public void Given_two_controllers_and_no_pacemaker_section_When_parsed_Then_the_nodes_key_is_pointed_at()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - {name: ctl1, address: 10.0.0.1, roles: [controller]}
              - {name: ctl2, address: 10.0.0.2, roles: [controller]}
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 2, 1));
    }

    [Fact]
    public void Given_two_controllers_and_api_vip_none_When_parsed_Then_it_is_accepted_as_a_VIP_no_Pacemaker_resource_holds()
    {
        var inventory = InventoryLoader.Parse("""
            cluster: c
            nodes:
              - {name: ctl1, address: 10.0.0.1, roles: [controller]}
              - {name: ctl2, address: 10.0.0.2, roles: [controller]}
            pacemaker:
              api_vip: none
            """, "inv.yaml");

        inventory.Pacemaker.NoApiVipResource.ShouldBeTrue();
        inventory.Pacemaker.ApiVipResource.ShouldBeNull();
        InventoryYamlWriter.Write(inventory).ShouldContain("api_vip: none");
    }

    [Fact]
    public void Given_one_controller_and_no_api_vip_When_parsed_Then_it_is_accepted()
    {
        InventoryLoader.Parse("cluster: c\nnodes:\n  - {name: ctl1, address: 10.0.0.1, roles: [controller]}\n", "inv.yaml")
            .Pacemaker.ApiVip.ShouldBeNull();
    }

    [Fact]
    public void Given_a_database_node_that_is_not_in_the_inventory_When_parsed_Then_the_closest_node_is_suggested()
    {
        var problem = OnlyProblem("""
            cluster: c
            nodes:
              - {name: ctl1, address: 10.0.0.1, roles: [controller]}
            database:
              node: ctl01
            """);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 9));
        problem.Summary.ShouldBe("database.node 'ctl01' is not a node of this inventory");
        problem.Hint!.ShouldStartWith("did you mean 'ctl1'?");
    }

    [Theory]
    [InlineData("prepare", "0", "1 or more")]
    [InlineData("controllers", "-1", "1 or more")]
    [InlineData("compute_batch", "0", "1 or more")]
    [InlineData("neutron_agents", "0", "1 or more")]
    [InlineData("neutron_agent_pause", "-5", "0 or more")]
    [InlineData("compute_max_fail_percent", "101", "from 0 to 100")]
    public void Given_a_concurrency_value_out_of_range_When_parsed_Then_it_is_reported_with_the_valid_range(string key, string value, string range)
    {
        var problem = OnlyProblem($"cluster: c\nnodes:\n  - {{name: a, address: 10.0.0.1, roles: [compute]}}\nconcurrency:\n  {key}: {value}\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, key.Length + 5));
        problem.Summary.ShouldBe($"'concurrency.{key}' is '{value}', not a whole number {range}");
    }

    [Fact]
    public void Given_many_problems_at_once_When_parsed_Then_all_are_reported_in_file_order()
    {
        var problems = Problems("""
            nodes:
              - {name: a, address: 10.0.0.1, roles: [compute]}
              - {name: a, address: 10.0.0.2}
              - {name: c, address: 10.0.0.3, roles: [storage]}
            concurrency:
              prepare: 0
            """);

        problems.Select(p => p.Where!.Line).ShouldBe([1, 3, 3, 4, 6]);
        problems.ShouldAllBe(p => p.Hint != null);
    }

    [Fact]
    public void Given_an_empty_file_When_parsed_Then_it_is_reported_at_line_1()
    {
        OnlyProblem("# nothing yet\n").Where.ShouldBe(new SourceLocation("inv.yaml", 1, 1));
    }

    [Fact]
    public void Given_a_server_pattern_without_node_or_address_When_parsed_Then_it_is_refused()
    {
        var problem = OnlyProblem("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\nhaproxy:\n  server_pattern: api\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 3));
        problem.Summary.ShouldContain("neither {node} nor {address}");
    }

    [Fact]
    public void Given_a_boolean_that_is_not_true_or_false_When_parsed_Then_it_is_refused()
    {
        var problem = OnlyProblem("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\nssh:\n  sudo: maybe\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 9));
        problem.Hint.ShouldBe("write true or false");
    }

    [Fact]
    public void Given_roles_written_as_a_mapping_When_parsed_Then_only_the_shape_is_reported()
    {
        var problem = OnlyProblem("cluster: c\nnodes:\n  - name: a\n    address: 10.0.0.1\n    roles: {compute: true}\n");

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", 5, 12));
        problem.Summary.ShouldBe("'nodes[0].roles' must be a list");
    }

    [Theory]
    [InlineData("cluster: c\n", 1, 1, "the inventory lists no nodes")]
    [InlineData("- cluster: c\n", 1, 1, "the inventory is empty or not a mapping of keys")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n---\ncluster: d\n", 5, 1, "the file holds more than one YAML document")]
    [InlineData("cluster: c\nnodes: []\n", 2, 8, "the inventory lists no nodes")]
    [InlineData("cluster: c\nnodes: ctl1\n", 2, 8, "'nodes' must be a list of nodes")]
    [InlineData("cluster: c\nnodes:\n  - ctl1\n", 3, 5, "'nodes[0]' must be a mapping of keys to values")]
    [InlineData("cluster: my cluster\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n", 1, 10, "cluster name 'my cluster' is not valid")]
    [InlineData("cluster: c\nnodes:\n  - {name: a/b, address: 10.0.0.1, roles: [compute]}\n", 3, 12, "node name 'a/b' is not valid")]
    [InlineData("cluster: c\nnodes:\n  - {address: 10.0.0.1, roles: [compute]}\n", 3, 5, "node #1 has no name")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\npacemaker:\n  vip_address: 10.0.0\n", 5, 16,
        "'pacemaker.vip_address' is '10.0.0', not an IP address or host name")]
    public void Given_a_malformed_inventory_When_parsed_Then_the_problem_is_located(string yaml, int line, int column, string summary)
    {
        var problem = OnlyProblem(yaml);

        problem.Where.ShouldBe(new SourceLocation("inv.yaml", line, column));
        problem.Summary.ShouldBe(summary);
        problem.Hint.ShouldNotBeNullOrWhiteSpace();
    }
}
