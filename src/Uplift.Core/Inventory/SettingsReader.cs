namespace Uplift.Inventory;

/// <summary>
/// Reads the settings sections of inventory.yaml. A missing section or key takes the default
/// documented on its record (and in docs/inventory.md).
/// </summary>
internal static class SettingsReader
{
    internal static readonly string[] PacemakerKeys = ["api_vip", "messaging_vip", "vip_address"];
    internal static readonly string[] HaproxyKeys = ["socket", "backend_pattern", "server_pattern", "backends", "drain_timeout"];
    internal static readonly string[] SshKeys =
        ["user", "port", "known_hosts", "identity", "jump_host", "sudo", "strict_host_key_checking", "config", "connect_timeout"];
    internal static readonly string[] ConcurrencyKeys =
        ["prepare", "controllers", "compute_batch", "neutron_agents", "compute_neutron_agents", "neutron_agent_pause", "compute_max_fail_percent",
            "live_migrations", "live_migrations_per_host"];
    internal static readonly string[] DatabaseKeys = ["node", "credentials_file", "backup_directory"];
    internal static readonly string[] ServicesKeys = ["optional"];
    internal static readonly string[] PuppetKeys = ["manages_nodes", "runs_at_once", "server_unit", "release_file", "release_section", "release_option"];

    internal static readonly string[] OpenStackKeys = ["clouds_yaml", "cloud"];

    internal static readonly string[] AptKeys = ["format", "sources_file", "source_line", "uris", "suites", "components", "signed_by", "replaces"];

    /// <summary>'apt:': the keys the cluster's layout changes; a source_line without a format means the one-line format.</summary>
    public static AptOverrides Apt(YamlSection? section)
    {
        if (section is null)
        {
            return new();
        }
        var format = section.String("format");
        if (format is not (null or Catalog.AptSettings.Deb822 or Catalog.AptSettings.OneLine))
        {
            section.Problems.Add($"apt format '{format}' is unknown", section.Place("format"),
                $"write {Catalog.AptSettings.Deb822} (a sources stanza) or {Catalog.AptSettings.OneLine} (one 'deb …' line)");
        }
        var line = section.String("source_line");
        return new AptOverrides(
            format ?? (line is null ? null : Catalog.AptSettings.OneLine),
            section.String("sources_file"),
            line,
            section.String("uris"),
            section.String("suites"),
            section.String("components"),
            section.String("signed_by"),
            section.List("replaces")?.Select(r => r.Text).ToList());
    }

    internal static readonly string[] EstimateKeys =
        ["instances_per_compute", "live_migration_seconds", "reboot_seconds", "dependencies_upgrade_seconds", "database_backup_seconds"];

    public static EstimateSettings Estimate(YamlSection? section) => section is null ? new() : new(
        section.Int("instances_per_compute", 0),
        section.Int("live_migration_seconds", 1),
        section.Int("reboot_seconds", 0),
        section.Int("dependencies_upgrade_seconds", 0),
        section.Int("database_backup_seconds", 0));

    /// <summary>'openstack:'; a relative clouds_yaml is read beside the inventory file.</summary>
    public static OpenStackSettings OpenStack(YamlSection? section, string inventoryFile)
    {
        var file = section?.String("clouds_yaml");
        var directory = Path.GetDirectoryName(Path.GetFullPath(inventoryFile)) ?? ".";
        return new(file is null ? null : Path.GetFullPath(Path.Combine(directory, file)), section?.String("cloud"));
    }

    public static PuppetSettings Puppet(YamlSection? section)
    {
        var defaults = new PuppetSettings();
        return section is null ? defaults : new PuppetSettings(
            section.Bool("manages_nodes") ?? false,
            section.Int("runs_at_once", 1) ?? defaults.RunsAtOnce,
            section.String("server_unit") ?? defaults.ServerUnit,
            section.String("release_file"),
            section.String("release_section") ?? defaults.ReleaseSection,
            section.String("release_option") ?? defaults.ReleaseOption);
    }

    public static PacemakerSettings Pacemaker(YamlSection? section)
    {
        var apiVip = section?.String("api_vip");
        var none = apiVip == PacemakerSettings.NoResource;
        return new(none ? null : apiVip, section?.String("messaging_vip"), VipAddress(section)) { NoApiVipResource = none };
    }

    private static string? VipAddress(YamlSection? section)
    {
        var address = section?.String("vip_address");
        if (address is not null && !HostAddress.IsValid(address))
        {
            section!.Problems.Add($"'pacemaker.vip_address' is '{address}', not an IP address or host name",
                section.Value("vip_address")!, "write the API virtual IP address, e.g. 10.0.0.10");
            return null;
        }
        return address;
    }

    public static HaproxySettings Haproxy(YamlSection? section)
    {
        var defaults = new HaproxySettings();
        if (section is null)
        {
            return defaults;
        }
        var backendPattern = section.String("backend_pattern") ?? defaults.BackendPattern;
        if (!backendPattern.Contains("{service}", StringComparison.Ordinal))
        {
            section.Problems.Add($"'haproxy.backend_pattern' is '{backendPattern}', which does not contain {{service}}",
                section.Place("backend_pattern"), "write a pattern such as '{service}be' or '{service}_api', or list exceptions under 'haproxy.backends'");
        }
        var serverPattern = section.String("server_pattern") ?? defaults.ServerPattern;
        if (!serverPattern.Contains("{node}", StringComparison.Ordinal) && !serverPattern.Contains("{address}", StringComparison.Ordinal))
        {
            section.Problems.Add($"'haproxy.server_pattern' is '{serverPattern}', which contains neither {{node}} nor {{address}}",
                section.Place("server_pattern"), "every controller needs its own server name: write e.g. '{node}' or '{node}-api'");
        }
        return new HaproxySettings(
            section.String("socket") ?? defaults.Socket,
            backendPattern,
            serverPattern,
            Backends(section),
            section.Int("drain_timeout", 1) ?? defaults.DrainTimeoutSeconds);
    }

    private static Dictionary<string, IReadOnlyList<string>>? Backends(YamlSection haproxy)
    {
        if (haproxy.Value("backends") is not { } node)
        {
            return null;
        }
        if (node is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            haproxy.Problems.Add("'haproxy.backends' must map service names to backend lists", node, "write e.g. 'keystone: [keystonepubbe, keystoneadmbe]'");
            return null;
        }
        var backends = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var service = key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } name } ? name : "";
            var names = YamlSection.IsNull(value) ? [] : YamlSection.ListOf(value, $"haproxy.backends.{service}", haproxy.Problems);
            if (names is { Count: > 0 })
            {
                backends[service] = names.Select(n => n.Text).ToList();
            }
            else if (names is not null)
            {
                haproxy.Problems.Add($"'haproxy.backends.{service}' lists no backend", key, "list the service's HAProxy backend names, or remove the entry");
            }
        }
        return backends;
    }

    public static SshSettings Ssh(YamlSection? section)
    {
        var defaults = new SshSettings();
        if (section?.String("user") is { } user && !HostAddress.IsValidUser(user))
        {
            section.Problems.Add($"ssh.user '{user}' is not a login name", section.Value("user")!, $"write {HostAddress.UserRule}");
        }
        return section is null ? defaults : new SshSettings(
            section.String("user") ?? defaults.User,
            section.Int("port", 1, 65535) ?? defaults.Port,
            section.String("known_hosts"),
            section.String("identity"),
            section.String("jump_host"),
            section.Bool("sudo") ?? defaults.Sudo,
            section.Bool("strict_host_key_checking") ?? defaults.StrictHostKeyChecking,
            section.String("config"),
            section.Int("connect_timeout", 1) ?? defaults.ConnectTimeoutSeconds);
    }

    public static ConcurrencySettings Concurrency(YamlSection? section)
    {
        var defaults = new ConcurrencySettings();
        return section is null ? defaults : new ConcurrencySettings(
            section.Int("prepare", 1) ?? defaults.Prepare,
            section.Int("controllers", 1) ?? defaults.Controllers,
            section.Int("compute_batch", 1) ?? defaults.ComputeBatch,
            section.Int("neutron_agents", 1) ?? defaults.NeutronAgents,
            section.Int("neutron_agent_pause", 0) ?? defaults.NeutronAgentPauseSeconds,
            section.Int("compute_max_fail_percent", 0, 100) ?? defaults.ComputeMaxFailPercent,
            section.Int("live_migrations", 1) ?? defaults.LiveMigrations,
            section.Int("live_migrations_per_host", 1) ?? defaults.LiveMigrationsPerHost,
            section.Int("compute_neutron_agents", 1) ?? defaults.ComputeNeutronAgents);
    }

    public static DatabaseSettings Database(YamlSection? section)
    {
        var defaults = new DatabaseSettings();
        return section is null ? defaults : new DatabaseSettings(
            section.String("node"),
            section.String("credentials_file") ?? defaults.CredentialsFile,
            section.String("backup_directory") ?? defaults.BackupDirectory);
    }

    public static IReadOnlyList<string> OptionalServices(YamlSection? section) =>
        section?.List("optional")?.Select(s => s.Text).Distinct().ToList() ?? [];
}
