namespace Uplift.Haproxy;

/// <summary>How a drain waits for a server's sessions to end.</summary>
public sealed record DrainOptions
{
    /// <summary>Time between two looks at show stat. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long sessions in flight may take to end. Default 60 s (the inventory's haproxy.drain_timeout_seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public DrainOptions Validated()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "the poll interval must be positive");
        }
        if (Timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "the timeout cannot be negative");
        }
        return this;
    }
}
