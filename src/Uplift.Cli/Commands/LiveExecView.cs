using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;
using Uplift.Cli.Terminal;
using Uplift.Exec;
using Uplift.Inventory;

namespace Uplift.Cli.Commands;

/// <summary>
/// On a terminal: a live status of every node while the command runs (the CLI's <see cref="LiveView"/>), then each
/// node's output prefixed with its name and the summary, as in the plain view.
/// </summary>
internal sealed class LiveExecView(IAnsiConsole console, IReadOnlyList<Node> nodes, TimeProvider time) : IExecView
{
    // Beyond this many nodes the table would scroll away: show counts, running nodes and failures only.
    private const int TableLimit = 30;
    private readonly ConcurrentDictionary<string, (string Status, long Started, bool Running)> _state = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ExecNodeResult> _results = new();
    public Task<T> AroundAsync<T>(Func<Task<T>> run) => LiveView.ShowWhileAsync(console, Render, run, time, keepLast: false);

    public void Started(Node node) => Update(node.Name, ("[yellow]running[/]", time.GetTimestamp(), true));

    public void Finished(ExecNodeResult result)
    {
        _results.Enqueue(result);
        var status = Markup.Escape(ExecReport.Status(result));
        Update(result.Node.Name, (result.Succeeded ? $"[green]{status}[/]" : $"[red]{status}[/]", 0, false));
    }

    public void Completed(string command, IReadOnlyList<ExecNodeResult> results, TimeSpan elapsed)
    {
        var width = nodes.Max(n => n.Name.Length);
        foreach (var result in results)
        {
            console.Write(new Text(ExecReport.Node(result, width)));
        }
        console.Write(new Text(ExecReport.Summary(results, elapsed), new Style(results.All(r => r.Succeeded) ? Color.Green : Color.Red)));
    }

    private void Update(string node, (string Status, long Started, bool Running) state) => _state[node] = state;

    private IRenderable Render()
    {
        var done = _results.Count;
        var failed = _results.Count(r => !r.Succeeded);
        var header = new Markup($"[bold]{done}/{nodes.Count}[/] done, [red]{failed}[/] failed");
        var table = new Table().Border(TableBorder.Simple).AddColumn("node").AddColumn("status").AddColumn("time");
        var shown = nodes.Count <= TableLimit
            ? nodes
            : nodes.Where(n => _state.TryGetValue(n.Name, out var s) && (s.Running || s.Status.StartsWith("[red]", StringComparison.Ordinal)));
        foreach (var node in shown)
        {
            var (status, started, running) = _state.TryGetValue(node.Name, out var s) ? s : ("[grey]waiting[/]", 0L, false);
            var seconds = running ? $"{time.GetElapsedTime(started).TotalSeconds:0.0} s" : "";
            table.AddRow(new Markup(Markup.Escape(node.Name)), new Markup(status), new Markup(seconds));
        }
        return new Rows(header, table);
    }
}
