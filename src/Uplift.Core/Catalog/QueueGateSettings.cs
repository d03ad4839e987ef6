namespace Uplift.Catalog;

/// <summary>
/// When a neutron agent may restart (services.yaml 'queue-gate'): once RabbitMQ's queues, but those left out, hold at
/// most <see cref="MaxMessages"/> messages; after <see cref="TimeoutSeconds"/> of waiting the step fails.
/// </summary>
/// <param name="LeaveOut">Queue names not counted: exact names, or a prefix ending in '*' ("notifications.*").</param>
public sealed record QueueGateSettings(long MaxMessages, IReadOnlyList<string> LeaveOut, int TimeoutSeconds)
{
    /// <summary>Whether a queue of that name counts towards the gate.</summary>
    public static bool Counts(string queue, IEnumerable<string> leaveOut) =>
        !leaveOut.Any(p => p.EndsWith('*') ? queue.StartsWith(p[..^1], StringComparison.Ordinal) : queue == p);
}
