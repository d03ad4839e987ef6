using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Uplift.Inventory;

/// <summary>
/// Writes an inventory in the native format (docs/inventory.md) that <see cref="InventoryLoader"/> reads back
/// to the same inventory. Every setting is written out, defaults included, so the file shows what Uplift will use.
/// </summary>
public static partial class InventoryYamlWriter
{
    public static string Write(ClusterInventory inventory, string? header = null)
    {
        var yaml = new StringBuilder();
        foreach (var line in (header ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            yaml.Append("# ").AppendLine(line.TrimEnd());
        }
        yaml.AppendLine($"cluster: {Scalar(inventory.Cluster)}");
        yaml.AppendLine("nodes:");
        foreach (var node in inventory.Nodes)
        {
            yaml.AppendLine($"  - name: {Scalar(node.Name)}");
            yaml.AppendLine($"    address: {Scalar(node.Address)}");
            yaml.AppendLine($"    roles: {List(node.Roles.Select(RoleName))}");
            Optional(yaml, "    az", node.AvailabilityZone);
            Optional(yaml, "    ssh_user", node.User);
            Optional(yaml, "    ssh_port", node.Port);
        }
        Section(yaml, "pacemaker", ("api_vip", inventory.Pacemaker.NoApiVipResource ? PacemakerSettings.NoResource : inventory.Pacemaker.ApiVip), ("messaging_vip", inventory.Pacemaker.MessagingVip),
            ("vip_address", inventory.Pacemaker.VipAddress));
        var haproxy = inventory.Haproxy;
        Section(yaml, "haproxy", ("socket", haproxy.Socket), ("backend_pattern", haproxy.BackendPattern),
            ("server_pattern", haproxy.ServerPattern), ("drain_timeout", haproxy.DrainTimeoutSeconds));
        if (haproxy.Backends is { Count: > 0 } backends)
        {
            yaml.AppendLine("  backends:");
            foreach (var (service, names) in backends.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                yaml.AppendLine($"    {Scalar(service)}: {List(names)}");
            }
        }
        var ssh = inventory.Ssh;
        Section(yaml, "ssh", ("user", ssh.User), ("port", ssh.Port), ("known_hosts", ssh.KnownHostsFile), ("identity", ssh.IdentityFile),
            ("jump_host", ssh.JumpHost), ("sudo", ssh.Sudo), ("strict_host_key_checking", ssh.StrictHostKeyChecking),
            ("config", ssh.ConfigFile), ("connect_timeout", ssh.ConnectTimeoutSeconds));
        var concurrency = inventory.Concurrency;
        Section(yaml, "concurrency", ("prepare", concurrency.Prepare), ("controllers", concurrency.Controllers),
            ("compute_batch", concurrency.ComputeBatch), ("neutron_agents", concurrency.NeutronAgents),
            ("neutron_agent_pause", concurrency.NeutronAgentPauseSeconds), ("compute_max_fail_percent", concurrency.ComputeMaxFailPercent),
            ("live_migrations", concurrency.LiveMigrations), ("live_migrations_per_host", concurrency.LiveMigrationsPerHost),
            ("compute_neutron_agents", concurrency.ComputeNeutronAgents));
        Section(yaml, "database", ("node", inventory.Database.Node), ("credentials_file", inventory.Database.CredentialsFile),
            ("backup_directory", inventory.Database.BackupDirectory));
        if (inventory.OptionalServices.Count > 0)
        {
            yaml.AppendLine("services:");
            yaml.AppendLine($"  optional: {List(inventory.OptionalServices)}");
        }
        return yaml.ToString();
    }

    public static string RoleName(Role role) => NodeListReader.RoleNames.First(r => r.Value == role).Key;

    private static void Section(StringBuilder yaml, string name, params (string Key, object? Value)[] entries)
    {
        if (entries.All(e => e.Value is null))
        {
            return;
        }
        yaml.AppendLine($"{name}:");
        foreach (var (key, value) in entries)
        {
            Optional(yaml, "  " + key, value);
        }
    }

    private static void Optional(StringBuilder yaml, string key, object? value)
    {
        var text = value switch
        {
            null => null,
            bool flag => flag ? "true" : "false",
            int number => number.ToString(CultureInfo.InvariantCulture),
            _ => Scalar(value.ToString()!),
        };
        if (text is not null)
        {
            yaml.AppendLine($"{key}: {text}");
        }
    }

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items.Select(Scalar))}]";

    /// <summary>A string as a YAML scalar: plain when YAML reads it back as the same string, double-quoted otherwise.</summary>
    public static string Scalar(string text) =>
        Plain().IsMatch(text) && !Reserved().IsMatch(text)
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z0-9_./~@][A-Za-z0-9_./~@:+-]*$")]
    private static partial Regex Plain();

    // Words YAML 1.1 readers take for booleans or null, and anything that looks like a number.
    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.inf|\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
