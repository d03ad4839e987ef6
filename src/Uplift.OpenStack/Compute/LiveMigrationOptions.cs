using Uplift.Timing;

namespace Uplift.OpenStack;

/// <summary>How a live migration is watched.</summary>
public sealed record LiveMigrationOptions
{
    /// <summary>Time until the first look at the instance; each next wait doubles, up to <see cref="PollInterval"/>.
    /// Default 1 s: a small idle instance can move within seconds, a busy one takes minutes.</summary>
    public TimeSpan FirstLook { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest time between two looks at the instance. Default 5 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before look number <paramref name="look"/> (0 for the first).</summary>
    public TimeSpan WaitBefore(int look) => PollBackoff.After(look, PollInterval, FirstLook);

    /// <summary>Give up waiting after this long (the migration itself goes on in nova). Default 30 min.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
