namespace Uplift.Haproxy;

/// <summary>
/// How a drain ended. A timeout is a result, not an exception: the caller decides whether to fail the step or
/// continue (<see cref="ThrowIfTimedOut"/>). <see cref="PreviousAdminState"/> is what an always-run cleanup restores.
/// </summary>
/// <param name="Drained">HAProxy sends it nothing new and nothing is left in flight (scur + qcur == 0).</param>
/// <param name="PreviousAdminState">The server's admin state before the drain.</param>
/// <param name="Last">The server's last show stat line.</param>
/// <param name="Polls">How many times show stat was read.</param>
public sealed record DrainOutcome(
    string Location,
    string Backend,
    string Server,
    bool Drained,
    ServerAdminState PreviousAdminState,
    StatRow Last,
    TimeSpan Elapsed,
    int Polls)
{
    public bool TimedOut => !Drained;

    public DrainOutcome ThrowIfTimedOut() => Drained ? this : throw new DrainTimeoutException(this);
}
