using Uplift.Inventory;

namespace Uplift.Exec;

/// <summary>How `uplift exec` shows its progress and results: live on a terminal, plain lines, or JSON.</summary>
public interface IExecView
{
    /// <summary>Runs the work inside the view (a live display stays up while it runs).</summary>
    Task<T> AroundAsync<T>(Func<Task<T>> run);

    void Started(Node node);

    void Finished(ExecNodeResult result);

    void Completed(string command, IReadOnlyList<ExecNodeResult> results, TimeSpan elapsed);
}
