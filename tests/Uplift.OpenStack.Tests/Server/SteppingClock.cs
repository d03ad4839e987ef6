using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

/// <summary>
/// A clock for code that waits (retry backoff, polling): every timer it creates fires at once, after the
/// underlying <see cref="ManualTimeProvider"/> has been moved forward by the timer's due time. Waits cost no
/// real time, the clock still shows how long they would have taken, and <see cref="Delays"/> records them.
/// </summary>
public sealed class SteppingClock(ManualTimeProvider inner) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public SteppingClock()
        : this(new ManualTimeProvider())
    {
    }

    public ManualTimeProvider Manual => inner;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
            }
            // After the caller holds the timer: fire it by moving the clock.
            _ = Task.Run(() => inner.Advance(dueTime));
        }
        return timer;
    }
}
