namespace Uplift.Execution;

/// <summary>Asks the operator a yes/no question during a run (breakpoints, --step approvals).</summary>
public interface IOperatorPrompt
{
    /// <param name="breakpoint">An explicit --pause-before: without an operator to answer, it stops the run there.</param>
    Task<bool> ConfirmAsync(string question, bool breakpoint, CancellationToken cancellationToken);
}
