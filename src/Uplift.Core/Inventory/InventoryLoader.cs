using System.Security.Cryptography;
using System.Text;
using Uplift.Diagnostics;
using Uplift.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Inventory;

/// <summary>
/// Reads and validates inventory.yaml (format: docs/inventory.md). Every problem is collected and
/// reported together in one <see cref="InputException"/>, each at its file:line:column with what to do.
/// </summary>
public static class InventoryLoader
{
    internal static readonly string[] RootKeys =
        ["cluster", "nodes", "pacemaker", "haproxy", "ssh", "concurrency", "database", "services", "puppet", "openstack", "estimate", "apt"];

    public static ClusterInventory Load(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, "inventory", "check the path given to --inventory");
        // The hash covers the bytes exactly as stored, byte-order mark included.
        return Read(InputFile.Text(bytes), path, Hash(bytes));
    }

    public static ClusterInventory Parse(string yamlText, string sourceName) =>
        Read(yamlText, sourceName, Hash(Encoding.UTF8.GetBytes(yamlText)));

    private static ClusterInventory Read(string text, string source, string hash)
    {
        var problems = new YamlProblems(source);
        var root = YamlFile.Parse(text, source).Root;
        if (root is not YamlMappingNode)
        {
            problems.Add("the inventory is empty or not a mapping of keys",
                root is null ? new SourceLocation(source, 1, 1) : problems.At(root),
                "start from examples/inventory.yaml: 'cluster: <name>' then 'nodes:'");
            problems.ThrowIfAny();
        }
        var inventory = Build(YamlSection.From(root, "", RootKeys, problems)!, problems, hash);
        problems.ThrowIfAny();
        return inventory;
    }

    private static ClusterInventory Build(YamlSection root, YamlProblems problems, string hash)
    {
        var cluster = root.String("cluster");
        if (cluster is null)
        {
            problems.Add("the inventory has no cluster name", root.Place("cluster"),
                "add 'cluster: <name>' at the top; it names the journal and the state directory");
        }
        else if (!HostAddress.IsValidName(cluster))
        {
            problems.Add($"cluster name '{cluster}' is not valid", root.Value("cluster")!, $"use {HostAddress.NameRule}");
        }
        var nodes = NodeListReader.Read(root, problems);
        var pacemakerSection = root.Section("pacemaker", SettingsReader.PacemakerKeys);
        var pacemaker = SettingsReader.Pacemaker(pacemakerSection);
        var databaseSection = root.Section("database", SettingsReader.DatabaseKeys);
        var database = SettingsReader.Database(databaseSection);
        var inventory = new ClusterInventory(
            cluster ?? "",
            nodes,
            pacemaker,
            SettingsReader.Haproxy(root.Section("haproxy", SettingsReader.HaproxyKeys)),
            SettingsReader.Ssh(root.Section("ssh", SettingsReader.SshKeys)),
            SettingsReader.Concurrency(root.Section("concurrency", SettingsReader.ConcurrencyKeys)),
            database,
            SettingsReader.OptionalServices(root.Section("services", SettingsReader.ServicesKeys)),
            problems.Source,
            hash)
        {
            Puppet = SettingsReader.Puppet(root.Section("puppet", SettingsReader.PuppetKeys)),
            OpenStack = SettingsReader.OpenStack(root.Section("openstack", SettingsReader.OpenStackKeys), problems.Source),
            Estimate = SettingsReader.Estimate(root.Section("estimate", SettingsReader.EstimateKeys)),
            Apt = SettingsReader.Apt(root.Section("apt", SettingsReader.AptKeys)),
        };

        var controllers = inventory.WithRole(Role.Controller).Select(n => n.Name).ToList();
        if (controllers.Count > 1 && pacemaker.ApiVip is null && !pacemaker.NoApiVipResource)
        {
            problems.Add($"{controllers.Count} controllers ({string.Join(", ", controllers)}) but no pacemaker.api_vip",
                pacemakerSection?.Mapping ?? root.Place("nodes"),
                "add 'pacemaker: {api_vip: <resource>}' naming the Pacemaker resource that holds the API VIP (e.g. openstack-api-vip); Uplift upgrades its holder first; 'api_vip: none' when no Pacemaker resource holds it (the first controller, or --vip-holder, is then upgraded first)");
        }
        if (database.Node is { } dbNode && inventory.Find(dbNode) is null && nodes.Count > 0)
        {
            problems.Add($"database.node '{dbNode}' is not a node of this inventory", databaseSection!.Value("node")!,
                Suggestion.Hint(dbNode, inventory.Nodes.Select(n => n.Name).ToList()));
        }
        return inventory;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
