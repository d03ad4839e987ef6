using Spectre.Console;
using Spectre.Console.Rendering;

namespace Uplift.Execution.Progress;

/// <summary>
/// The terminal view: a live table redrawn from <see cref="RunProgress"/> snapshots (phase, counts, elapsed, ETA,
/// running steps per node, recent messages) until the run ends. The console and the clock are injected.
/// </summary>
public sealed class LiveProgressView(IAnsiConsole console, RunProgress progress, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> run)
    {
        T result = default!;
        await console.Live(Render(progress.Snapshot(), time.GetUtcNow())).AutoClear(false).StartAsync(async context =>
        {
            var running = run();
            while (await Task.WhenAny(running, Task.Delay(Refresh, time)).ConfigureAwait(false) != running)
            {
                context.UpdateTarget(Render(progress.Snapshot(), time.GetUtcNow()));
            }
            context.UpdateTarget(Render(progress.Snapshot(), time.GetUtcNow()));
            result = await running.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Renders one snapshot (public for tests: rendered to a test console).</summary>
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
