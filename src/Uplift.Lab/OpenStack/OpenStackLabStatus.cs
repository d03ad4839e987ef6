using System.Text;

namespace Uplift.Lab;

/// <summary><c>lab status</c> of a lab of real OpenStack code: each node's packages and units as the node itself reports
/// them (dpkg-query and the node's systemctl), the release the catalog's code versions give, and what is real and what is not.</summary>
public static class OpenStackLabStatus
{
    /// <summary>What the lab of real code is made of; docs/lab.md says the same.</summary>
    public const string RealAndNot = """
        Real: Debian trixie's OpenStack packages and their Python code on every node; keystone, glance, placement, nova
          (api, metadata, conductor, scheduler; compute with nova's fake virt driver), neutron (Debian's neutron-api and
          neutron-rpc-server, ML2), cinder (api, scheduler; volume with cinder's fake driver), heat (api, api-cfn, engine);
          apt, dpkg and the packages' maintainer scripts on each node; Debian's puppet agent on each node (disabled and
          enabled by Uplift); MariaDB, RabbitMQ, HAProxy and sshd on this machine.
        Not real: systemd (a runner starts Debian's unit files), the hypervisor and block devices (fake drivers),
          the network agents and Open vSwitch (no network nodes), horizon, Pacemaker (no VIP moves), a puppet server
          (so no agent run).
        """;

    public static async Task<string> ReportAsync(LabLayout lab, CancellationToken cancel)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"node",-6} {"address",-13} {"role",-10} {"release",-8} {"code",-32} units");
        foreach (var root in OpenStackLab.Roots(lab))
        {
            text.AppendLine(await NodeLineAsync(lab, root, cancel));
        }
        text.AppendLine();
        text.Append(RealAndNot);
        return text.ToString();
    }

    private static async Task<string> NodeLineAsync(LabLayout lab, NodeRoot root, CancellationToken cancel)
    {
        var node = root.Node;
        var service = node.Role == Inventory.Role.Volume ? "cinder" : "nova";
        var versions = lab.Catalog.CodeVersionsOf(service);
        var units = OpenStackNodes.Units(node.Role);
        if (!File.Exists(lab.Paths.SshdPid(node.Name)) || !LabProcesses.IsAlive(root.SshdPid))
        {
            return $"{node.Name,-6} {node.Address,-13} {node.RoleName,-10} (node down: its sshd does not run)";
        }
        var package = versions?.Package ?? "python3-" + service;
        var version = (await root.RunAsync($"dpkg-query -W -f='${{Version}}' {package}", cancel: cancel)).Output.Trim();
        var active = (await root.RunAsync("systemctl is-active " + string.Join(' ', units), cancel: cancel)).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Trim() == "active");
        var release = versions?.SeriesOf(version) ?? "?";
        return $"{node.Name,-6} {node.Address,-13} {node.RoleName,-10} {release,-8} {package + " " + version,-32} {active}/{units.Count} active";
    }
}
