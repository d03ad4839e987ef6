using Uplift.Cli;
using Uplift.Testing;

namespace Uplift.Tests;

public sealed class InventoryCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uplift-inventory-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = UpliftCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Given_the_example_When_shown_Then_every_node_is_a_row_and_the_cluster_is_summed_up()
    {
        var (exit, output, error) = Run("inventory", "show", "--inventory", Fixtures.Project("examples/inventory.yaml"));

        exit.ShouldBe(0, error);
        var lines = output.Split('\n');
        lines[0].ShouldStartWith("NAME  ADDRESS    ROLES       AZ   SSH USER  PORT");
        lines.ShouldContain(l => l.StartsWith("ctl1  10.0.0.11  controller  -    root      22", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("cmp6  10.0.2.6   compute     az2  ops       2222", StringComparison.Ordinal));
        output.ShouldContain("cluster example: 13 nodes (3 controller, 2 network, 6 compute, 2 volume)");
        output.ShouldContain("computes per availability zone: az1 3, az2 3");
    }

    [Fact]
    public void Given_an_inventory_with_errors_When_shown_Then_it_exits_2_with_every_error_located_and_prints_nothing()
    {
        var path = Write("bad.yaml", "cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n  - {name: a, address: 10.0.0.2, roles: [gpu]}\n");

        var (exit, output, error) = Run("inventory", "show", "-i", path);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain($"uplift: {path}:4:12: node name 'a' is used twice");
        error.ShouldContain($"uplift: {path}:4:42: node 'a' has unknown role 'gpu'");
    }

    [Fact]
    public void Given_an_Ansible_inventory_When_imported_to_stdout_Then_the_YAML_loads_and_the_defaults_are_on_stderr()
    {
        var source = Write("hosts", "[control]\nctl[1:2]\n\n[compute]\ncmp[01:04] availability_zone=nova\n");

        var (exit, output, error) = Run("inventory", "import", source, "--cluster", "lab");

        exit.ShouldBe(0, error);
        var loaded = Uplift.Inventory.InventoryLoader.Parse(output, "stdout");
        loaded.Cluster.ShouldBe("lab");
        loaded.Nodes.Count.ShouldBe(6);
        error.ShouldContain("uplift: default filled: pacemaker.api_vip = openstack-api-vip");
        error.ShouldContain("uplift: default filled: haproxy.socket = /run/haproxy/admin.sock");
    }

    [Fact]
    public void Given_an_output_file_When_imported_Then_it_is_written_and_refused_the_second_time_without_force()
    {
        var source = Write("hosts.yml", "all:\n  children:\n    compute:\n      hosts:\n        cmp1:\n");
        var target = Path.Combine(_directory, "inventory.yaml");

        Run("inventory", "import", source, "-o", target).Exit.ShouldBe(0);
        var again = Run("inventory", "import", source, "-o", target);
        var forced = Run("inventory", "import", source, "-o", target, "--force");

        Uplift.Inventory.InventoryLoader.Load(target).Nodes.ShouldHaveSingleItem().Name.ShouldBe("cmp1");
        again.Exit.ShouldBe(2);
        again.Error.ShouldContain("--force");
        forced.Exit.ShouldBe(0);
    }

    [Fact]
    public void Given_a_bad_host_range_When_imported_Then_it_exits_2_with_the_line_and_writes_no_partial_output()
    {
        var source = Write("hosts", "[compute]\ncmp[1:3]\ncmp[5:4]\n");
        var target = Path.Combine(_directory, "out.yaml");

        var toStdout = Run("inventory", "import", source);
        var toFile = Run("inventory", "import", source, "-o", target);

        toStdout.Exit.ShouldBe(2);
        toStdout.Output.ShouldBeEmpty();
        toStdout.Error.ShouldContain($"uplift: {source}:3:1: bad host range in 'cmp[5:4]'");
        toFile.Exit.ShouldBe(2);
        File.Exists(target).ShouldBeFalse();
    }

    [Theory]
    [InlineData("cluster: c\nnodes:\n  - name: a\n    address: 10.0.0.1\n    roles: [compute\n", "6:1: YAML syntax error")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n  - {name: a, address: 10.0.0.2, roles: [compute]}\n",
        "4:12: node name 'a' is used twice")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1}\n", "3:5: node 'a' has no roles")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [hypervisor]}\n", "3:42: node 'a' has unknown role 'hypervisor'")]
    [InlineData("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [controller]}\n  - {name: b, address: 10.0.0.2, roles: [controller]}\n",
        "2:1: 2 controllers (a, b) but no pacemaker.api_vip")]
    public void Given_each_kind_of_bad_inventory_When_shown_Then_it_exits_2_with_the_located_message_and_no_output(string yaml, string expected)
    {
        var path = Write("inventory.yaml", yaml);

        var (exit, output, error) = Run("inventory", "show", "--inventory", path);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain($"uplift: {path}:{expected}");
    }

    [Fact]
    public void Given_a_directory_as_the_inventory_When_shown_Then_it_exits_2_saying_it_is_a_directory()
    {
        var (exit, output, error) = Run("inventory", "show", "--inventory", _directory);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain($"uplift: {_directory}: inventory: this is a directory, not a file");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Given_a_node_name_with_terminal_escapes_When_refused_Then_the_message_shows_them_escaped_and_never_raw()
    {
        var path = Write("escape.yaml", "cluster: c\nnodes:\n  - {name: \"a\\e[2Jb\", address: 10.0.0.1, roles: [gpu]}\n");

        var (exit, _, error) = Run("inventory", "show", "--inventory", path);

        exit.ShouldBe(2);
        error.ShouldContain("node 'a\\x1b[2Jb' has unknown role 'gpu'");
        error.ShouldNotContain("\u001b");
    }
}
