using Uplift.Inventory;
using YamlDotNet.RepresentationModel;

namespace Uplift.Catalog;

/// <summary>Reads the 'services:' and 'exit-codes:' sections of a catalog file into drafts.</summary>
internal sealed class ServiceReader(CatalogYamlReader yaml, IReadOnlyDictionary<string, ExitCodes> tables)
{
    private static readonly string[] ServiceKeys =
    [
        "name", "optional", "after", "backends", "units", "packages", "database",
        "online-migrations", "upgrade-check", "rpc-pin", "satellite-roles", "sighup-after-upgrade", "api-last", "rolling-satellites", "runs-while-installing",
        "alternatives",
    ];

    private static readonly Dictionary<string, ExitMeaning> Meanings = new(StringComparer.Ordinal)
    {
        ["done"] = ExitMeaning.Done,
        ["again"] = ExitMeaning.Again,
        ["warning"] = ExitMeaning.Warning,
        ["expand-needed"] = ExitMeaning.ExpandNeeded,
        ["contract-needed"] = ExitMeaning.ContractNeeded,
        ["failure"] = ExitMeaning.Failure,
        ["bad-input"] = ExitMeaning.BadInput,
    };

    /// <summary>Reads named exit-code tables ('exit-codes:' at the top of a file).</summary>
    public static Dictionary<string, ExitCodes> ReadTables(CatalogYamlReader yaml, YamlNode node)
    {
        var tables = new Dictionary<string, ExitCodes>(StringComparer.Ordinal);
        foreach (var (name, table, _) in yaml.Entries(node, "exit-codes"))
        {
            tables[name] = ReadTable(yaml, table);
        }
        return tables;
    }

    public List<ServiceDraft> ReadAll(YamlNode node)
    {
        var drafts = new List<ServiceDraft>();
        foreach (var item in yaml.Items(node, "services"))
        {
            if (Read(item) is not { } draft)
            {
                continue;
            }
            if (drafts.Any(d => d.Name == draft.Name))
            {
                yaml.Problem(item, $"service '{draft.Name}' is listed twice in this file", "merge the two entries");
                continue;
            }
            drafts.Add(draft);
        }
        return drafts;
    }

    private ServiceDraft? Read(YamlNode node)
    {
        var nameNode = (node as YamlMappingNode)?.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "name").Value;
        if (nameNode is null)
        {
            yaml.Problem(node, "a service entry needs a 'name'", "e.g. '- name: nova'");
            return null;
        }
        var name = yaml.Text(nameNode, "a service name") ?? "";
        var draft = new ServiceDraft(name, yaml.At(node));
        var what = $"service '{name}'";
        foreach (var (key, value, _) in yaml.Entries(node, what, ServiceKeys))
        {
            draft = key switch
            {
                "optional" => draft with { Optional = yaml.Flag(value, $"{what} optional") },
                "after" => draft with { After = [.. yaml.Items(value, $"{what} after").Select(AfterEntry).OfType<NameAt>()] },
                "backends" => draft with { Backends = [.. yaml.Items(value, $"{what} backends").Select(i => Backend(i, what)).OfType<ApiBackend>()] },
                "units" => draft with { Units = yaml.PerRole(value, $"{what} units") },
                "packages" => draft with { Packages = yaml.PerRole(value, $"{what} packages") },
                "database" => draft with { Database = Database(value, what) },
                "online-migrations" => draft with { OnlineMigrations = Command(value, $"{what} online-migrations") },
                "upgrade-check" => draft with { UpgradeCheck = Command(value, $"{what} upgrade-check") },
                "rpc-pin" => draft with { RpcPin = Pin(value, what) },
                "sighup-after-upgrade" => draft with { SighupAfterUpgrade = yaml.Flag(value, $"{what} sighup-after-upgrade") },
                "api-last" => draft with { ApiLast = yaml.Flag(value, $"{what} api-last") },
                "rolling-satellites" => draft with { RollingSatellites = yaml.Flag(value, $"{what} rolling-satellites") },
                "runs-while-installing" => draft with { RunsWhileInstalling = yaml.Flag(value, $"{what} runs-while-installing") },
                "alternatives" => draft with { Alternatives = Alternatives(value, what), AlternativesWhere = yaml.At(value) },
                "satellite-roles" => draft with { SatelliteRoles = [.. yaml.Items(value, $"{what} satellite-roles").Select(r => yaml.Role(r, $"{what} satellite-roles")).OfType<Role>()] },
                _ => draft,
            };
        }
        return name.Length == 0 ? null : draft;
    }

    /// <summary>unit → the units (and packages) that replace it on a node that has them.</summary>
    private Dictionary<string, IReadOnlyList<string>> Alternatives(YamlNode node, string what)
    {
        var alternatives = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (unit, value, _) in yaml.Entries(node, $"{what} alternatives"))
        {
            var replacements = yaml.Texts(value, $"{what} alternatives of {unit}");
            if (replacements.Count == 0 || replacements.Contains(unit))
            {
                yaml.Problem(value, $"{what} alternatives of {unit} must list the units that replace it",
                    "e.g. 'neutron-server: [neutron-api, neutron-rpc-server]'");
                continue;
            }
            alternatives[unit] = replacements;
        }
        return alternatives;
    }

    private NameAt? AfterEntry(YamlNode node) => yaml.Text(node, "an 'after' entry") is { } name ? new NameAt(name, yaml.At(node)) : null;

    private ApiBackend? Backend(YamlNode node, string what)
    {
        string? name = null, unit = null;
        int? port = null;
        foreach (var (key, value, _) in yaml.Entries(node, $"a backend of {what}", "name", "port", "unit"))
        {
            switch (key)
            {
                case "name": name = yaml.Text(value, "backend name"); break;
                case "port": port = yaml.Number(value, "backend port", 1, 65535); break;
                case "unit": unit = yaml.Text(value, "backend unit"); break;
            }
        }
        if (name is null || port is null || unit is null)
        {
            yaml.Problem(node, $"a backend of {what} needs name, port and unit", "e.g. {name: nova, port: 8774, unit: nova-api}");
            return null;
        }
        return new ApiBackend(name, port.Value, unit);
    }

    private DatabaseCommands Database(YamlNode node, string what)
    {
        IReadOnlyList<CatalogCommand> expand = [], migrate = [], contract = [], sync = [];
        CatalogCommand? check = null, offlineCheck = null;
        IReadOnlyList<string> schemas = [];
        foreach (var (key, value, _) in yaml.Entries(node, $"{what} database", "expand", "migrate", "contract", "sync", "check", "offline-check", "schemas"))
        {
            if (key == "schemas")
            {
                schemas = yaml.Texts(value, $"{what} database schemas");
                continue;
            }
            if (key == "check")
            {
                check = Command(value, $"{what} database check");
                continue;
            }
            if (key == "offline-check")
            {
                offlineCheck = Command(value, $"{what} database offline-check");
                continue;
            }
            List<CatalogCommand> commands = [.. yaml.Items(value, $"{what} database {key}").Select(c => Command(c, $"{what} database {key}")).OfType<CatalogCommand>()];
            switch (key)
            {
                case "expand": expand = commands; break;
                case "migrate": migrate = commands; break;
                case "contract": contract = commands; break;
                default: sync = commands; break;
            }
        }
        if (offlineCheck is not null && contract.Count == 0)
        {
            yaml.Problem(node, $"{what} database has an offline-check but no contract", "offline-check says whether the contract needs the service's servers stopped");
        }
        return new DatabaseCommands(expand, migrate, contract, sync, check) { OfflineCheck = offlineCheck, Schemas = schemas };
    }

    /// <summary>A command: a plain string, or {command: …, exit-codes: TABLE-NAME | {code: meaning}}.</summary>
    private CatalogCommand? Command(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            return yaml.Text(node, what) is { } plain ? new CatalogCommand(plain) : null;
        }
        string? command = null;
        ExitCodes? codes = null;
        foreach (var (key, value, _) in yaml.Entries(node, what, "command", "exit-codes"))
        {
            if (key == "command")
            {
                command = yaml.Text(value, $"{what} command");
            }
            else if (value is YamlScalarNode { Value: { } tableName })
            {
                codes = tables.GetValueOrDefault(tableName);
                if (codes is null)
                {
                    yaml.Problem(value, $"{what}: unknown exit-code table '{tableName}'", $"known tables: {string.Join(", ", tables.Keys)}");
                }
            }
            else
            {
                codes = ReadTable(yaml, value);
            }
        }
        if (command is null)
        {
            yaml.Problem(node, $"{what} needs a 'command'");
            return null;
        }
        return new CatalogCommand(command, codes);
    }

    private RpcPin? Pin(YamlNode node, string what)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in yaml.Entries(node, $"{what} rpc-pin", "file", "section", "option", "value"))
        {
            if (yaml.Text(value, $"{what} rpc-pin {key}") is { } text)
            {
                fields[key] = text;
            }
        }
        if (fields.Count < 4)
        {
            yaml.Problem(node, $"{what} rpc-pin needs file, section, option and value");
            return null;
        }
        return new RpcPin(fields["file"], fields["section"], fields["option"], fields["value"]);
    }

    private static ExitCodes ReadTable(CatalogYamlReader yaml, YamlNode node)
    {
        var meanings = new Dictionary<int, ExitMeaning>();
        foreach (var (code, meaning, codeNode) in yaml.Entries(node, "an exit-code table"))
        {
            var number = yaml.Number(codeNode, "an exit code", 0, 255);
            if (meaning is YamlScalarNode { Value: { } word } && Meanings.TryGetValue(word, out var value))
            {
                if (number is { } n)
                {
                    meanings[n] = value;
                }
            }
            else
            {
                yaml.Problem(meaning, $"exit code {code}: unknown meaning", $"known meanings: {string.Join(", ", Meanings.Keys)}");
            }
        }
        return new ExitCodes(meanings);
    }
}
