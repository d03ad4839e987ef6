namespace Uplift.Execution;

/// <summary>
/// Asks on the operator's terminal. --yes answers yes to approvals (the plan, --step groups); a breakpoint
/// (--pause-before) is always asked, and without a terminal to ask on it stops the run there (resume continues).
/// </summary>
public sealed class ConsolePrompt(TextReader input, TextWriter output, bool interactive, bool yes) : IOperatorPrompt
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<bool> ConfirmAsync(string question, bool breakpoint, CancellationToken cancellationToken)
    {
        if (yes && !breakpoint)
        {
            return true;
        }
        if (!interactive)
        {
            await output.WriteLineAsync($"{question} No terminal to answer on: stopping here (uplift resume continues).").ConfigureAwait(false);
            return false;
        }
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync($"{question} [y/N] ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            return answer?.Trim().ToLowerInvariant() is "y" or "yes";
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _one.Release();
        }
    }
}
