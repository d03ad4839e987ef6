using Spectre.Console;
using Spectre.Console.Rendering;

namespace Uplift.Execution.Progress;

/// <summary>
/// A run's progress as the terminal shows it: phase, counts, elapsed, ETA, running steps per node, recent messages and
/// the last failure, drawn from one <see cref="RunProgress"/> snapshot (the CLI's live view redraws it).
/// </summary>
public static class ProgressTable
{
    /// <summary>Renders one snapshot.</summary>
    public static IRenderable Render(ProgressSnapshot s, DateTimeOffset now)
    {
        var counts = $"[bold]{Markup.Escape(s.Phase)}[/]  {s.Finished}/{s.Total} steps  " +
            $"[green]{s.Done} done[/]  [grey]{s.AlreadyDone} found done[/]  " +
            (s.Failed > 0 ? $"[red]{s.Failed} failed[/]  " : "") + (s.Skipped > 0 ? $"[yellow]{s.Skipped} skipped[/]  " : "") +
            $"elapsed {Clock(s.Elapsed)}" + (s.Eta is { } eta ? $"  ETA {Clock(eta)}" : "");
        var table = new Table().Border(TableBorder.Simple).AddColumn("node").AddColumn("running step").AddColumn("for");
        foreach (var (node, step, started) in s.Running)
        {
            table.AddRow(Markup.Escape(node.Length > 0 ? node : "(cluster)"), Markup.Escape(step), Clock(now - started));
        }
        var rows = new List<IRenderable> { new Markup(counts), table };
        rows.AddRange(s.RecentMessages.Select(m => new Markup("[grey]" + Markup.Escape(m) + "[/]")));
        if (s.LastFailure is { } failure)
        {
            rows.Add(new Markup("[red]failed: " + Markup.Escape(failure) + "[/]"));
        }
        return new Rows(rows);
    }

    private static string Clock(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : $"{span.Minutes}m{span.Seconds:00}s";
}
