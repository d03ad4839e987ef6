using System.CommandLine;
using System.Globalization;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift catalog releases|path|services`: what Uplift knows about OpenStack, with an optional
/// operator overlay (--catalog FILE).
/// </summary>
internal static class CatalogCommands
{
    public static IEnumerable<Command> Create()
    {
        var catalog = new Command("catalog", "Show the release and service catalog Uplift plans with.");
        catalog.Subcommands.Add(Releases());
        catalog.Subcommands.Add(Path());
        catalog.Subcommands.Add(Services());
        return [catalog];
    }

    private static Option<string?> OverlayOption() =>
        new("--catalog") { Description = "Catalog overlay file (YAML) that adds or overrides services, packages, dependencies." };

    private static Command Releases()
    {
        var overlay = OverlayOption();
        var command = new Command("releases", "List the known release series, their ids and SLURP flags.") { overlay };
        command.SetAction(parse =>
        {
            var loaded = CatalogLoader.Load(parse.GetValue(overlay));
            var rows = loaded.Releases.Select(r => new[] { r.Series, r.Id, r.Slurp ? "yes" : "-", r.Future ? "yes" : "-" });
            var output = parse.InvocationConfiguration.Output;
            WriteTable(output, ["SERIES", "ID", "SLURP", "FUTURE"], rows);
            output.WriteLine();
            output.WriteLine("N→N+1 is always supported; a SLURP release may also go straight to the next SLURP release.");
            output.WriteLine(Footer(loaded));
            return 0;
        });
        return command;
    }

    private static Command Path()
    {
        var overlay = OverlayOption();
        var from = new Argument<string>("FROM") { Description = "Release the cluster runs now (series or id)." };
        var to = new Argument<string>("TO") { Description = "Release to upgrade to (series or id)." };
        from.CompletionSources.Add(PlanningOptions.ReleaseSeries);
        to.CompletionSources.Add(PlanningOptions.ReleaseSeries);
        var command = new Command("path", "Answer which upgrades lead from one release to another: a single hop, or why not and the valid hops (a downgrade has none: exit 2).") { from, to, overlay };
        command.SetAction(parse =>
        {
            var paths = new UpgradePaths(CatalogLoader.Load(parse.GetValue(overlay)));
            var check = paths.Check(parse.GetValue(from)!, parse.GetValue(to)!);
            // A question about a path: a path of several hops is an answer (exit 0) that says how to plan it; only a
            // downgrade, which no path serves, is refused. `uplift plan` refuses a hop that is not supported.
            if (check.Path is null)
            {
                throw new InputException(check.Explanation, hint: "restore the backup taken before the upgrade to go back");
            }
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(check.Explanation);
            var hop = 0;
            foreach (var step in check.Path.Hops)
            {
                output.WriteLine($"  {++hop}. {step.From} → {step.To}{(step.SkipLevel ? "  (skip-level)" : "")}");
            }
            if (!check.Allowed)
            {
                output.WriteLine($"Plan it as consecutive upgrades: uplift plan --from {check.From.Series} --to {check.To.Series} " +
                    $"--via {string.Join(',', check.Path.Hops.SkipLast(1).Select(h => h.To.Series))}");
            }
            return 0;
        });
        return command;
    }

    private static Command Services()
    {
        var overlay = OverlayOption();
        var release = new Option<string?>("--release") { Description = "Also list the config options this release renames or removes." };
        var command = new Command("services", "List services in upgrade order with their HAProxy backends, units and commands.") { release, overlay };
        command.SetAction(parse =>
        {
            var loaded = CatalogLoader.Load(parse.GetValue(overlay));
            var target = parse.GetValue(release) is { } name ? new UpgradePaths(loaded).Release(name) : null;
            var output = parse.InvocationConfiguration.Output;
            var order = 0;
            foreach (var service in loaded.Services)
            {
                WriteService(output, ++order, service);
            }
            if (target is not null)
            {
                WriteConfigChanges(output, target, loaded.ConfigChanges.Where(c => c.Release == target.Series).ToList());
            }
            output.WriteLine(Footer(loaded));
            return 0;
        });
        return command;
    }

    private static void WriteService(TextWriter output, int order, ServiceDefinition service)
    {
        output.WriteLine($"{order}. {service.Name}{(service.Optional ? " (optional)" : "")}");
        Field(output, "after", service.After.Count == 0 ? "-" : string.Join(", ", service.After));
        Field(output, "backends", service.Backends.Count == 0 ? "-"
            : string.Join(", ", service.Backends.Select(b => $"{b.Name} :{b.Port.ToString(CultureInfo.InvariantCulture)} ({b.Unit})")));
        Field(output, "units", PerRole(service.Units));
        Field(output, "packages", PerRole(service.Packages));
        var db = service.Database;
        Field(output, "database", db.IsEmpty ? "-" : string.Join("; ", new[]
        {
            Commands("expand", db.Expand), Commands("migrate", db.Migrate), Commands("sync", db.Sync), Commands("contract", db.Contract),
        }.Where(c => c.Length > 0)));
        if (service.OnlineMigrations is { } online)
        {
            Field(output, "online", online.Command);
        }
        if (service.UpgradeCheck is { } check)
        {
            Field(output, "check", check.Command);
        }
        if (service.RpcPin is { } pin)
        {
            Field(output, "rpc pin", $"{pin.File} [{pin.Section}] {pin.Option} = {pin.Value}");
        }
        if (service.SatelliteRoles.Count > 0)
        {
            Field(output, "satellites", string.Join(", ", service.SatelliteRoles.Select(RoleName)));
        }
    }

    private static void WriteConfigChanges(TextWriter output, Release release, IReadOnlyList<ConfigChange> changes)
    {
        output.WriteLine($"Config options {release} renames or removes: {(changes.Count == 0 ? "none known" : changes.Count.ToString(CultureInfo.InvariantCulture))}");
        foreach (var change in changes)
        {
            var fate = change.ReplacedBy is null ? "removed" : $"replaced by {change.ReplacedBy}";
            output.WriteLine($"  {change.File} [{change.Section}] {change.Option}: {fate} — {change.Note}");
        }
    }

    private static void Field(TextWriter output, string name, string value) => output.WriteLine($"   {name + ":",-12}{value}");

    private static string Commands(string phase, IReadOnlyList<CatalogCommand> commands) =>
        commands.Count == 0 ? "" : $"{phase}: {string.Join(" && ", commands.Select(c => c.Command))}";

    private static string PerRole(IReadOnlyDictionary<Role, IReadOnlyList<string>> perRole) =>
        perRole.Count == 0 ? "-" : string.Join("; ", perRole.OrderBy(p => p.Key).Select(p => $"{RoleName(p.Key)}: {string.Join(", ", p.Value)}"));

    private static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string Footer(OpenStackCatalog catalog) => $"catalog {catalog.Version} (sha256 {catalog.ContentHash[..12]})";

    private static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
