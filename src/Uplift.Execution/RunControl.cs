namespace Uplift.Execution;

/// <summary>
/// The operator's interrupts. <see cref="Stop"/> (first Ctrl-C): start nothing new, let running steps finish, run
/// the cleanup steps. <see cref="Abort"/> (second Ctrl-C): cancel running commands too, and leave at once.
/// </summary>
public sealed class RunControl : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();

    public CancellationToken Stopping => _stop.Token;

    public CancellationToken Aborting => _abort.Token;

    public bool StopRequested => _stop.IsCancellationRequested;

    public bool AbortRequested => _abort.IsCancellationRequested;

    public void Stop() => _stop.Cancel();

    public void Abort()
    {
        _stop.Cancel();
        _abort.Cancel();
    }

    /// <summary>What a Ctrl-C means now: the first stops, any later one aborts. Returns true when it aborted.</summary>
    public bool Interrupt()
    {
        if (StopRequested)
        {
            Abort();
            return true;
        }
        Stop();
        return false;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _abort.Dispose();
    }
}
