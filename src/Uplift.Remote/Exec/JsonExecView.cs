using Uplift.Inventory;

namespace Uplift.Exec;

/// <summary>`--json`: nothing while it runs, then one JSON document with every node's result.</summary>
public sealed class JsonExecView(TextWriter output) : IExecView
{
    public Task<T> AroundAsync<T>(Func<Task<T>> run) => run();

    public void Started(Node node)
    {
    }

    public void Finished(ExecNodeResult result)
    {
    }

    public void Completed(string command, IReadOnlyList<ExecNodeResult> results, TimeSpan elapsed) =>
        output.Write(ExecJson.Write(command, results));
}
