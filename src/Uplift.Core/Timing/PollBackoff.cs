namespace Uplift.Timing;

/// <summary>
/// Pauses between two looks at something that is about to become true (a restarted API answering): short at first,
/// since most services answer within a fraction of a second, doubling up to a ceiling so a slow one is not hammered.
/// </summary>
public static class PollBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    /// <summary>The pause after the <paramref name="attempt"/>-th failed look (0 for the first): <paramref name="first"/>
    /// (default 0.1 s), then doubling, up to <paramref name="ceiling"/>.</summary>
    public static TimeSpan After(int attempt, TimeSpan ceiling, TimeSpan? first = null) =>
        attempt >= 16 ? ceiling : TimeSpan.FromTicks(Math.Min((first ?? First).Ticks << attempt, ceiling.Ticks));
}
