using Uplift.Inventory;

namespace Uplift.Exec;

/// <summary>Plain lines for pipes and CI logs: each node's output as soon as it finishes, then the summary.</summary>
public sealed class PlainExecView(TextWriter output, int nameWidth) : IExecView
{
    private readonly Lock _gate = new();

    public Task<T> AroundAsync<T>(Func<Task<T>> run) => run();

    public void Started(Node node)
    {
    }

    public void Finished(ExecNodeResult result)
    {
        var text = ExecReport.Node(result, nameWidth);
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }

    public void Completed(string command, IReadOnlyList<ExecNodeResult> results, TimeSpan elapsed) =>
        output.Write(ExecReport.Summary(results, elapsed));
}
