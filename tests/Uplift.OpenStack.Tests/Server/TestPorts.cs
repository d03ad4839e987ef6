namespace Uplift.Tests.OpenStack;

/// <summary>Hands out ports of this test project's range (127.0.0.1:28900–28999) in turn; callers skip a busy one.</summary>
public static class TestPorts
{
    public const int First = 28900;
    public const int Count = 100;

    private static int s_next = Environment.ProcessId % Count;

    public static int Next() => First + (Interlocked.Increment(ref s_next) % Count);
}
