namespace Uplift.OpenStack;

/// <summary>How a live migration is watched.</summary>
public sealed record LiveMigrationOptions
{
    /// <summary>Time between two looks at the instance. Default 5 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Give up waiting after this long (the migration itself goes on in nova). Default 30 min.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
