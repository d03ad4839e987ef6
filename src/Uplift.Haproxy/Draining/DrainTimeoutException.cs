namespace Uplift.Haproxy;

/// <summary>Sessions were still open on a drained server when the drain timeout ran out.</summary>
public sealed class DrainTimeoutException(DrainOutcome outcome)
    : HaproxyException(
        $"server {outcome.Backend}/{outcome.Server} still has {outcome.Last.SessionsCurrent ?? 0} session(s) and "
        + $"{outcome.Last.QueueCurrent ?? 0} queued request(s) after {outcome.Elapsed.TotalSeconds:0.#} s of drain (status {outcome.Last.Status})",
        outcome.Location, $"show stat {outcome.Backend} 4 -1", backend: outcome.Backend, server: outcome.Server,
        hint: "raise the drain timeout, or find the long-running requests; the server stays in drain")
{
    public DrainOutcome Outcome { get; } = outcome;
}
