namespace Uplift.Execution.Progress;

/// <summary>What the progress view shows at one moment.</summary>
/// <param name="Running">Running steps per node ("" for steps without a node), with when they started.</param>
/// <param name="Eta">Estimated time left: the mean wall time per finished step times the steps left; null until one finished.</param>
public sealed record ProgressSnapshot(
    string Phase,
    int Total,
    int Done,
    int AlreadyDone,
    int Failed,
    int Skipped,
    IReadOnlyList<(string Node, string StepId, DateTimeOffset Started)> Running,
    TimeSpan Elapsed,
    TimeSpan? Eta,
    string? LastFailure,
    IReadOnlyList<string> RecentMessages)
{
    public int Finished => Done + AlreadyDone + Failed + Skipped;
}
