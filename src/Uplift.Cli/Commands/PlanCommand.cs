using System.CommandLine;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Cli.Commands;

/// <summary>`uplift plan`: builds the plan and shows it (tree, JSON or Markdown runbook) without touching any node.</summary>
internal static class PlanCommand
{
    public static IEnumerable<Command> Create()
    {
        var options = new PlanningOptions();
        var format = new Option<string>("--format") { Description = "tree (default), json or markdown", DefaultValueFactory = _ => "tree" };
        format.AcceptOnlyFromAmong("tree", "json", "markdown");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write the plan to FILE instead of standard output" };
        var command = new Command("plan", "Plan an upgrade and show it; nothing is changed on any node.");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, cancel) =>
        {
            var (plan, note) = await options.BuildAsync(parse, cancel);
            if (note is not null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"uplift: {note}");
            }
            var text = parse.GetValue(format) switch
            {
                "json" => PlanJson.Write(plan),
                "markdown" => PlanMarkdownView.Render(plan),
                _ => PlanTreeView.Render(plan),
            };
            // Render completely before writing anything: bad input leaves no partial output.
            if (parse.GetValue(output) is { } file)
            {
                OutputFile.Write(file, text);
                parse.InvocationConfiguration.Error.WriteLine($"plan written to {file.FullName} ({plan.Steps.Count} steps)");
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(text);
            }
            return 0;
        });
        return [command];
    }
}
