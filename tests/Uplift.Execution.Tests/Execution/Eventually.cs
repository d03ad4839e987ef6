namespace Uplift.Tests.Execution;

/// <summary>Waits (without a clock) until the executor's tasks reach a state, failing after 10 s of real time.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("never happened: " + what);
            }
            await Task.Delay(1);
        }
    }
}
