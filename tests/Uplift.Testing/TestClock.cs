using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Uplift.Testing;

/// <summary>
/// The tests' one clock: a <see cref="FakeTimeProvider"/> (time moves only when a test moves it, so no test sleeps)
/// that also tells the test about the code's waits: how many are pending, which delays were asked for, and when the
/// code starts one, so a test can move the clock exactly then.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    /// <summary>Where every test clock starts unless a test says otherwise.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _delays = [];
    private int _pending;

    public TestClock(DateTimeOffset? start = null)
        : base(start ?? Origin)
    {
    }

    /// <summary>
    /// Every wait ends at once: the clock moves forward by the wait's due time right after the code holds its timer,
    /// so retries and polls cost no real time while the clock still shows how long they would have taken.
    /// </summary>
    public bool EndsWaitsAtOnce { get; init; }

    /// <summary>Timers and delays waiting for the clock (a test waits for one to exist before it moves past it).</summary>
    public int PendingTimers => Volatile.Read(ref _pending);

    /// <summary>The due times the code waited for, in order.</summary>
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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new CountedTimer(this);
        var once = period <= TimeSpan.Zero || period == Timeout.InfiniteTimeSpan;
        timer.Inner = base.CreateTimer(s =>
        {
            if (once)
            {
                timer.Ended();
            }
            callback(s);
        }, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            timer.Started();
            lock (_delays)
            {
                _delays.Add(dueTime);
            }
            _waits.Writer.TryWrite(dueTime);
            if (EndsWaitsAtOnce)
            {
                // After the caller holds the timer: fire it by moving the clock.
                _ = Task.Run(() => Advance(dueTime));
            }
        }
        return timer;
    }

    /// <summary>Waits until the code under test starts a wait, then moves the clock by what it asked for.</summary>
    public async Task<TimeSpan> StepAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var due = await _waits.Reader.ReadAsync(guard.Token);
        Advance(due);
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

    /// <summary>
    /// Moves the clock a second at a time, giving code that polls a moment of real time between seconds to reach its
    /// next wait, until <paramref name="work"/> ends.
    /// </summary>
    public async Task TickUntilAsync(Task work, int maxSeconds = 3600)
    {
        for (var second = 0; !work.IsCompleted && second < maxSeconds; second++)
        {
            await Task.Delay(1);
            Advance(TimeSpan.FromSeconds(1));
        }
        await work.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Counts itself pending from its start until it fires, is stopped or is disposed.</summary>
    private sealed class CountedTimer(TestClock clock) : ITimer
    {
        private int _counted;

        public ITimer Inner { get; set; } = null!;

        public void Started()
        {
            if (Interlocked.Exchange(ref _counted, 1) == 0)
            {
                Interlocked.Increment(ref clock._pending);
            }
        }

        public void Ended()
        {
            if (Interlocked.Exchange(ref _counted, 0) == 1)
            {
                Interlocked.Decrement(ref clock._pending);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Ended();
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Started();
            }
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Ended();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Ended();
            return Inner.DisposeAsync();
        }
    }
}
