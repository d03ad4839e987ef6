using System.CommandLine;
using Spectre.Console;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Inventory.Ansible;
using Uplift.Upgrade.Observation;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift inventory show|import`: print the cluster as Uplift reads it; convert an Ansible inventory
/// (format and defaults: docs/inventory.md).
/// </summary>
internal static class InventoryCommands
{
    public static IEnumerable<Command> Create()
    {
        var inventory = new Command("inventory", "Show the cluster inventory, or import one from Ansible.");
        inventory.Subcommands.Add(Show());
        inventory.Subcommands.Add(Import());
        return [inventory];
    }

    private static Command Show()
    {
        var file = new Option<FileInfo>("--inventory", "-i") { Description = "the cluster's inventory.yaml", Required = true };
        var observed = new Option<bool>("--observed") { Description = "connect to every node and show the release it runs, read from its installed packages" };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "catalog overlay file (site services, code versions)" };
        var command = new Command("show", "Print the nodes with their roles and availability zones, and the cluster's settings; with --observed, what each node runs.")
        {
            file, observed, catalog,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var inventory = InventoryLoader.Load(parse.GetValue(file)!.FullName);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(observed))
            {
                var cluster = await ClusterObservations.ReadAsync(inventory, CatalogLoader.Load(parse.GetValue(catalog)?.FullName), parse, cancel);
                WriteTable(output, ObservedView.Headers, ObservedView.Rows(cluster));
                await output.WriteLineAsync(ObservedView.Summary(cluster));
                return 0;
            }
            var rows = inventory.Nodes.Select(n => new[]
            {
                n.Name, n.Address, string.Join(", ", n.Roles.Select(InventoryYamlWriter.RoleName)), n.AvailabilityZone ?? "-",
                n.User ?? inventory.Ssh.User, $"{n.Port ?? inventory.Ssh.Port}",
            }).ToList();
            WriteTable(output, ["NAME", "ADDRESS", "ROLES", "AZ", "SSH USER", "PORT"], rows);
            output.WriteLine();
            foreach (var line in InventorySummary.Lines(inventory))
            {
                output.WriteLine(line);
            }
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var source = new Argument<FileInfo>("FILE") { Description = "Ansible inventory, INI or YAML (kolla-ansible groups: control, network, compute, storage)" };
        var target = new Option<FileInfo?>("--output", "-o") { Description = "write the native inventory here instead of standard output" };
        var cluster = new Option<string?>("--cluster") { Description = "cluster name (default: the file name)" };
        var force = new Option<bool>("--force") { Description = "overwrite the --output file if it exists" };
        var command = new Command("import", "Convert an Ansible inventory into Uplift's inventory.yaml; defaults filled are listed on standard error.")
        {
            source, target, cluster, force,
        };
        command.SetAction(parse =>
        {
            var destination = parse.GetValue(target);
            if (destination is { Exists: true } && !parse.GetValue(force))
            {
                throw new InputException($"{destination.FullName} exists", new SourceLocation(destination.FullName),
                    "choose another --output file, or pass --force to overwrite it");
            }
            var import = AnsibleInventoryImporter.Import(parse.GetValue(source)!.FullName, parse.GetValue(cluster));
            var error = parse.InvocationConfiguration.Error;
            foreach (var filled in import.FilledDefaults)
            {
                error.WriteLine($"uplift: default filled: {filled}");
            }
            if (import.LeftOut.Count > 0)
            {
                error.WriteLine($"uplift: left out (in no control, network, compute or storage group): {string.Join(", ", import.LeftOut)}");
            }
            if (destination is null)
            {
                parse.InvocationConfiguration.Output.Write(import.Yaml);
            }
            else
            {
                OutputFile.Write(destination, import.Yaml);
                error.WriteLine($"uplift: wrote {destination.FullName} ({import.Inventory.Nodes.Count} nodes)");
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, string[] headers, List<string[]> rows)
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            WriteTerminalTable(headers, rows);
        }
        else
        {
            WritePlainTable(output, headers, rows);
        }
    }

    private static void WriteTerminalTable(string[] headers, List<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(header);
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static void WritePlainTable(TextWriter output, string[] headers, List<string[]> rows)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headers))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
