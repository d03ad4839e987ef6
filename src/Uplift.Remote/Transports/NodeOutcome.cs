using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>What work on one node gave: its result, or the exception it threw; when it started and ended.</summary>
public sealed record NodeOutcome<T>(Node Node, T? Result, Exception? Error, DateTimeOffset Started, DateTimeOffset Finished)
{
    public TimeSpan Elapsed => Finished - Started;
}
