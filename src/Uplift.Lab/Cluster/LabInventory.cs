using System.Text;

namespace Uplift.Lab;

/// <summary>The lab's inventory.yaml (native format, docs/inventory.md): nodes, VIP, HAProxy socket, the lab
/// key and pinned host keys, the MariaDB credentials file. Pure.</summary>
public static class LabInventory
{
    public static string For(LabLayout lab)
    {
        var paths = lab.Paths;
        var text = new StringBuilder();
        text.Append(lab.Options.OpenStack
            ? "# Uplift lab: a rehearsal cluster on this machine, its nodes running real OpenStack code from Debian's packages (docs/lab.md).\n"
            : "# Uplift lab: a rehearsal cluster on this machine for trying and testing Uplift. It is not OpenStack.\n");
        text.Append("""
            # Written by 'uplift lab up'; removed by 'uplift lab down'.
            cluster: lab

            nodes:

            """);
        foreach (var node in lab.Nodes)
        {
            text.Append($"  - name: {node.Name}\n    address: {node.Address}\n    roles: [{node.RoleName}]\n");
            if (node.AvailabilityZone is not null)
            {
                text.Append($"    az: {node.AvailabilityZone}\n");
            }
        }
        var backends = lab.Services
            .Where(s => s.Backends.Count > 0)
            .Select(s => $"    {s.Name}: [{string.Join(", ", s.Backends.Select(b => b.Name + "be"))}]");
        text.Append($"""

            pacemaker:
              api_vip: {(lab.Options.OpenStack ? "none  # no Pacemaker here: the HAProxy of this machine holds the VIP" : LabLayout.ApiVipResource)}
              vip_address: {LabLayout.VipAddress}

            haproxy:
              socket: {paths.HaproxySocket}
              backend_pattern: "{"{service}"}be"
              server_pattern: "{"{node}"}"
              backends:
            {string.Join("\n", backends)}
              drain_timeout: {(lab.Options.OpenStack ? "60  # real code on 2 loaded cores: a heat request outlived 10 s of draining in CI (2026-12-07 23:08)" : "10")}

            ssh:
              user: {(lab.Options.OpenStack ? "root" : LabLayout.Account)}
              port: 22
              known_hosts: {paths.KnownHosts}
              identity: {paths.PrivateKey}
              sudo: false
              strict_host_key_checking: true
              connect_timeout: 5

            concurrency:
              neutron_agent_pause: 1
            {(lab.Options.OpenStack ? "  # dpkg of the Python stack on 2 nodes at once: the machine's 2 cores keep the APIs answering HAProxy's checks.\n  prepare: 2" : "")}

            database:
              node: {lab.Controllers.First().Name}
              credentials_file: {(lab.Options.OpenStack ? OpenStackLab.DatabaseNodeMyCnf : paths.MyCnf)}
              backup_directory: {(lab.Options.OpenStack ? "/var/backups/uplift" : paths.Backups)}

            {(lab.Options.OpenStack ? "# The nodes run Debian's puppet agent, with no puppet server: Uplift disables and enables it, and runs it never." : "# The lab's puppet shim applies nothing; the watched run after enable is rehearsed all the same.")}
            puppet:
              manages_nodes: {(lab.Options.OpenStack ? "false" : "true")}

            # The lab's clouds.yaml and cloud: a run needs neither OS_CLIENT_CONFIG_FILE nor --os-cloud.
            openstack:
              clouds_yaml: {paths.CloudsYaml}
              cloud: {LabCloud.Name}

            """);
        return text.ToString();
    }
}
