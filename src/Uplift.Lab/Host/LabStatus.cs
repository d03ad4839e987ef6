using System.Net.Sockets;
using System.Text;
using Uplift.Catalog;

namespace Uplift.Lab;

/// <summary><c>lab status</c>: which lab daemons run, where the VIP is, which release each node's packages
/// are on, where the lab nova's instances are, and any violation the shims recorded (a contract run while old code
/// still ran, nova-compute stopped under instances).</summary>
public static class LabStatus
{
    public static async Task<string> ReportAsync(string stateDirectory, OpenStackCatalog catalog, CancellationToken cancel)
    {
        var description = LabDescription.Read(stateDirectory)
            ?? throw new LabException($"no lab in {stateDirectory}: start one with 'uplift lab up --state-dir {stateDirectory}'");
        var lab = new LabLayout(description.Options, catalog);
        var text = new StringBuilder();
        text.AppendLine(lab.Options.OpenStack ? "Uplift lab of real OpenStack code (Debian packages, docs/lab.md)." : LabReadme.Notice);
        text.AppendLine($"State: {lab.Paths.State}   Inventory: {lab.Paths.Inventory}");
        var haproxy = await ListensAsync(LabLayout.VipAddress, lab.Services.SelectMany(s => s.Backends).First().Port, cancel);
        var mariadb = await ListensAsync(LabLayout.VipAddress, LabLayout.DatabasePort, cancel);
        // The lab of real code runs no Pacemaker: the VIP is this machine's address and never moves.
        var holder = lab.Options.OpenStack
            ? "none (no Pacemaker)"
            : ReadOr(Path.Combine(lab.Paths.Cluster, "pacemaker", $"resource.{LabLayout.ApiVipResource}"), "(stopped)");
        text.AppendLine($"HAProxy on {LabLayout.VipAddress}: {(haproxy ? "up" : "DOWN")}   MariaDB: {(mariadb ? "up" : "DOWN")}   VIP holder: {holder}");
        text.AppendLine();
        if (lab.Options.OpenStack)
        {
            var rabbit = await ListensAsync(LabLayout.VipAddress, LabRabbitmq.Port, cancel);
            text.AppendLine($"RabbitMQ on {LabLayout.VipAddress}:{LabRabbitmq.Port}: {(rabbit ? "up" : "DOWN")}");
            text.Append(await OpenStackLabStatus.ReportAsync(lab, cancel));
            return text.ToString();
        }
        text.AppendLine($"{"node",-6} {"address",-13} {"role",-10} {"sshd",-5} release");
        foreach (var node in lab.Nodes)
        {
            var sshd = await ListensAsync(node.Address, 22, cancel);
            text.AppendLine($"{node.Name,-6} {node.Address,-13} {node.RoleName,-10} {(sshd ? "up" : "DOWN"),-5} {NodeRelease(lab, node)}");
        }
        var instances = LabInstance.ReadAll(lab.Paths);
        if (instances.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(InstancesLine(instances));
        }
        var violations = Path.Combine(lab.Paths.Cluster, "violations");
        if (File.Exists(violations))
        {
            text.AppendLine();
            text.AppendLine("Violations (each would break a real cloud):");
            text.Append(File.ReadAllText(violations));
        }
        return text.ToString();
    }

    /// <summary>The releases of the node's installed packages, by the lab's package versions (e.g. "epoxy" or "epoxy+flamingo" mid-upgrade).</summary>
    public static string NodeRelease(LabLayout lab, LabNode node)
    {
        var installed = Path.Combine(lab.Paths.NodeRoot(node.Name), "var", "lib", "dpkg", "installed");
        if (!File.Exists(installed))
        {
            return "?";
        }
        var versions = new LabVersions(lab.Catalog);
        var series = lab.Catalog.Releases.Select(r => r.Series).ToList();
        var releases = File.ReadAllLines(installed).Select(l => l.Split(' ')).Where(p => p.Length >= 2)
            .Select(p => series.Where((_, i) => versions.Of(p[0], i) == p[1]).FirstOrDefault() ?? "?").Distinct().ToList();
        return releases.Count == 0 ? "-" : string.Join('+', releases.OrderBy(r => lab.Catalog.Releases.ToList().FindIndex(x => x.Series == r)));
    }

    /// <summary>"Instances: 4 (4 ACTIVE): cmp1 2, cmp2 2".</summary>
    public static string InstancesLine(IReadOnlyList<LabInstance> instances)
    {
        var statuses = instances.GroupBy(i => i.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var hosts = instances.GroupBy(i => i.Host).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        return $"Instances: {instances.Count} ({string.Join(", ", statuses)}): {string.Join(", ", hosts)}";
    }

    private static string ReadOr(string file, string fallback)
    {
        var text = File.Exists(file) ? File.ReadAllText(file).Trim() : "";
        return text.Length > 0 ? text : fallback;
    }

    private static async Task<bool> ListensAsync(string address, int port, CancellationToken cancel)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
