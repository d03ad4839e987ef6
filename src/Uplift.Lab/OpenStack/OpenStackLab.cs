namespace Uplift.Lab;

/// <summary>
/// <c>lab up --openstack</c>'s nodes: real Debian packages of OpenStack instead of shims. Each node overlays the cached
/// base tree (<see cref="RootTree"/>), gets its service configuration (<see cref="NodeConfig"/>) and the unit runner as
/// its systemctl; the first controller creates the schemas and keystone's catalog; then every node starts its units,
/// controllers one after the other, computes and volume nodes last, and the computes are mapped into nova's cell.
/// </summary>
public static class OpenStackLab
{
    public static string SecretsFile(LabPaths paths) => Path.Combine(paths.State, "openstack-secrets.json");

    /// <summary>Where the database node holds the backup account's credentials (the inventory's database.credentials_file).</summary>
    public const string DatabaseNodeMyCnf = "/root/.my.cnf";

    public static IReadOnlyList<NodeRoot> Roots(LabLayout lab) => [.. lab.Nodes.Select(n => new NodeRoot(lab.Paths, n))];

    /// <summary>Mounts every node's root (its own layer over its role's, <see cref="RoleLayer"/>, over the base tree) and
    /// starts its sshd (chrooted sessions), then writes its configuration.</summary>
    public static async Task StartNodesAsync(LabLayout lab, string baseTree, LabSecrets secrets, TimeProvider time, TextWriter output, CancellationToken cancel)
    {
        var systemctl = LabFiles.OpenStackNodeText("systemctl");
        var keystoneSetup = LabFiles.OpenStackNodeText("keystone-setup.py");
        var instances = LabFiles.OpenStackNodeText("instances.py");
        await Parallel.ForEachAsync(lab.Nodes.Select(n => n.Role).Distinct(), cancel,
            async (role, token) => await RoleLayer.EnsureAsync(baseTree, role, output, token));
        var cpu = CpuGroups.Find();
        cpu?.Ensure();
        output.WriteLine(cpu is null
            ? "No CPU cgroup on this machine: the nodes' upgrade work weighs as much as their services (docs/lab.md, CPU)."
            : $"CPU: what runs over SSH on a node in {cpu.Work}, the nodes' units in {cpu.Units} ({CpuGroups.WorkShares}:{CpuGroups.UnitsShares}).");
        await Parallel.ForEachAsync(Roots(lab), cancel, async (root, token) =>
        {
            await root.StartAsync(RoleLayer.LowerDirs(baseTree, root.Node.Role), cpu, time, token);
            foreach (var (path, text) in NodeConfig.For(root.Node, secrets))
            {
                root.Write("/etc/" + path, text);
            }
            root.Write("/usr/local/sbin/systemctl", systemctl, FileModes.Executable);
            root.Write("/usr/local/lib/uplift-lab/keystone-setup.py", keystoneSetup, FileModes.Executable);
            root.Write("/usr/local/lib/uplift-lab/instances.py", instances, FileModes.Executable);
            // The machine's resolver, so that apt reaches a mirror from the node.
            root.Write("/etc/resolv.conf", await File.ReadAllTextAsync("/etc/resolv.conf", token));
            // The runner is the node's systemctl wherever a maintainer script looks (dpkg runs them with PATH without
            // /usr/local/sbin): systemd's own is diverted, as dpkg-divert keeps it through systemd's upgrades.
            await root.CheckAsync("dpkg-divert --local --rename --divert /usr/bin/systemctl.systemd --add /usr/bin/systemctl >/dev/null"
                + " && ln -s /usr/local/sbin/systemctl /usr/bin/systemctl", cancel: token);
            if (root.Node.Role == Inventory.Role.Controller)
            {
                // Readied for oslo.middleware 7 (Gazpacho's), as Uplift's pre-flight asks an operator to: healthcheck is no
                // longer a paste filter (catalog config-changes.yaml); Debian's forky nova-common ships the same pipelines.
                await root.CheckAsync("sed -i -e 's/= healthcheck /= /' -e '/^\\[filter:healthcheck\\]/,/^$/d' /etc/nova/api-paste.ini", cancel: token);
            }
        });
    }

    /// <summary>Schemas, keystone's keys and catalog, then every node's units; waits for nova to see every compute.</summary>
    public static async Task StartServicesAsync(LabLayout lab, LabSecrets secrets, TextWriter output, CancellationToken cancel)
    {
        var roots = Roots(lab);
        var controllers = roots.Where(r => r.Node.Role == Inventory.Role.Controller).ToList();
        var first = controllers[0];
        // The database node reaches MariaDB on the VIP over TCP, with the lab's backup account. Trixie's client (MariaDB 11.8)
        // requires TLS unless told otherwise; the lab's server (bookworm's 10.11) has none: skip-ssl, as an operator writes it.
        var myCnf = await File.ReadAllTextAsync(lab.Paths.MyCnf, cancel);
        first.Write(DatabaseNodeMyCnf, string.Join('\n', myCnf.Split('\n').Select(l => l.StartsWith("socket=", StringComparison.Ordinal)
            ? $"host={LabLayout.VipAddress}\nport=3306\nskip-ssl" : l)), FileModes.Private);
        output.WriteLine($"Creating the schemas on {first.Node.Name} (every service's own sync) …");
        foreach (var (account, command) in OpenStackNodes.SchemaSync)
        {
            await first.CheckAsync(command, account, cancel: cancel);
        }
        await first.CheckAsync("keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone"
            + " && keystone-manage credential_setup --keystone-user keystone --keystone-group keystone", cancel: cancel);
        foreach (var other in controllers.Skip(1))
        {
            // Every keystone node must hold the same fernet and credential keys (keystone doc/source/admin/fernet-token-faq.rst).
            await LocalProgram.CheckAsync("cp", ["-a", first.Host("/etc/keystone/fernet-keys"), first.Host("/etc/keystone/credential-keys"),
                other.Host("/etc/keystone/")], cancel: cancel);
        }
        // The admin password reaches keystone-manage in OS_BOOTSTRAP_PASSWORD (keystone/cmd/cli.py reads it), not in its arguments.
        await first.CheckAsync("keystone-manage bootstrap --bootstrap-region-id RegionOne"
            + $" --bootstrap-admin-url http://{LabLayout.VipAddress}:5000/v3/ --bootstrap-internal-url http://{LabLayout.VipAddress}:5000/v3/"
            + $" --bootstrap-public-url http://{LabLayout.VipAddress}:5000/v3/",
            environment: new Dictionary<string, string> { ["OS_BOOTSTRAP_PASSWORD"] = secrets.Admin }, cancel: cancel);
        foreach (var controller in controllers)
        {
            await controller.CheckAsync("systemctl enable keystone && systemctl start keystone", cancel: cancel);
        }
        await first.CheckAsync(UntilAnswers(5000, "/v3") + "; python3 /usr/local/lib/uplift-lab/keystone-setup.py",
            environment: new Dictionary<string, string>
            {
                ["LAB_VIP"] = LabLayout.VipAddress,
                ["LAB_ADMIN_PASSWORD"] = secrets.Admin,
                ["LAB_SERVICE_PASSWORD"] = secrets.Service,
            }, cancel: cancel);
        output.WriteLine("Starting the services: controllers one by one, then computes and volume nodes …");
        // nova-conductor asks placement for its versions through the VIP as it starts, and exits when none answers (Debian's
        // unit restarts it, Restart=on-failure; the lab's runner does not): placement answers first. Seen in CI on
        // 2026-12-07 19:00, placement's first answer in the millisecond nova-conductor gave up, twice.
        await first.CheckAsync("systemctl enable placement-api 2>/dev/null; systemctl start placement-api && " + UntilAnswers(8778, "/"),
            environment: new Dictionary<string, string> { ["LAB_VIP"] = LabLayout.VipAddress }, cancel: cancel);
        foreach (var controller in controllers)
        {
            await StartUnitsAsync(controller, output, cancel);
        }
        await Parallel.ForEachAsync(roots.Where(r => r.Node.Role != Inventory.Role.Controller), cancel,
            async (root, token) => await StartUnitsAsync(root, output, token));
        var computes = roots.Count(r => r.Node.Role == Inventory.Role.Compute);
        if (computes > 0)
        {
            // A compute registers in nova_cell1 when it starts; discover_hosts maps it for the API (nova's install guide).
            await first.CheckAsync($"i=0; until [ \"$(nova-manage cell_v2 list_hosts 2>/dev/null | grep -c ' cmp')\" -ge {computes} ]; do"
                + $" nova-manage cell_v2 discover_hosts >/dev/null; i=$((i+1)); [ $i -lt 120 ] || exit 1; sleep 1; done", "nova", cancel: cancel);
        }
        if (computes > 0 && lab.Options.InstancesPerCompute > 0)
        {
            output.WriteLine($"Booting {lab.Options.InstancesPerCompute} instance(s) on each compute through nova's API …");
            await first.CheckAsync("python3 /usr/local/lib/uplift-lab/instances.py", environment: new Dictionary<string, string>
            {
                ["LAB_VIP"] = LabLayout.VipAddress,
                ["LAB_ADMIN_PASSWORD"] = secrets.Admin,
                ["LAB_COMPUTES"] = string.Join(' ', roots.Where(r => r.Node.Role == Inventory.Role.Compute).Select(r => r.Node.Name)),
                ["LAB_PER_COMPUTE"] = lab.Options.InstancesPerCompute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, cancel: cancel);
        }
    }

    /// <summary>A shell loop on a node until the VIP's <paramref name="port"/> answers <paramref name="path"/> (at most 60 s;
    /// LAB_VIP in its environment).</summary>
    private static string UntilAnswers(int port, string path) =>
        $"i=0; until python3 -c \"import urllib.request; urllib.request.urlopen('http://$LAB_VIP:{port}{path}')\" 2>/dev/null;"
        + " do i=$((i+1)); [ $i -lt 120 ] || exit 1; sleep 0.5; done";

    /// <summary>Enables and starts the node's units. A unit that dies while starting is said, with the tails of its output and of
    /// its service's own log (the runner's message), and started once more; a second failure fails the build (nova-conductor
    /// died so when placement did not answer yet, which now starts first).</summary>
    private static async Task StartUnitsAsync(NodeRoot root, TextWriter output, CancellationToken cancel)
    {
        var units = OpenStackNodes.Units(root.Node.Role).Where(u => u != "keystone").ToList();
        if (units.Count == 0)
        {
            return;
        }
        var start = $"systemctl enable {string.Join(' ', units)} 2>/dev/null; systemctl start {string.Join(' ', units)}";
        var first = await root.RunAsync(start, cancel: cancel);
        if (first.ExitCode != 0)
        {
            output.WriteLine($"{root.Node.Name}: a unit failed to start, starting once more: {first.Error.Trim()}");
            await Task.Delay(TimeSpan.FromSeconds(2), cancel);
            await root.CheckAsync(start, cancel: cancel);
        }
    }
}
