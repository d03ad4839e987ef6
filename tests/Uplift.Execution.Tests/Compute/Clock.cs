using Uplift.Testing;

namespace Uplift.Tests.Compute;

/// <summary>
/// Drives a handler that polls on a <see cref="ManualTimeProvider"/>: moves the clock a second at a time, giving the
/// handler a moment of real time between steps to reach its next wait, until it ends.
/// </summary>
internal static class Clock
{
    public static async Task RunAsync(ManualTimeProvider time, Task work, int maxSeconds = 3600)
    {
        for (var second = 0; !work.IsCompleted && second < maxSeconds; second++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        await work.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
