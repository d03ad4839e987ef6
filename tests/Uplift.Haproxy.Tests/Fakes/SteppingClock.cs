using System.Threading.Channels;
using Uplift.Testing;

namespace Uplift.Tests.Fakes;

/// <summary>
/// A manual clock that tells the test when code starts waiting on it (Task.Delay creates a timer), so the test
/// advances time exactly then: no sleeping, no race between the code's poll and the test's step.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    private readonly ManualTimeProvider _clock = new();
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the code under test sleeps, then moves the clock by what it asked for.</summary>
    public async Task<TimeSpan> StepAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var due = await _waits.Reader.ReadAsync(guard.Token);
        _clock.Advance(due);
        return due;
    }

    /// <summary>Steps the clock whenever <paramref name="work"/> waits, until it ends.</summary>
    public async Task RunAsync(Task work)
    {
        while (await Task.WhenAny(work, StepAsync()) != work)
        {
        }
        await work;
    }
}
