using Uplift.Timing;

namespace Uplift.Tests.Timing;

public sealed class PollBackoffTests
{
    [Fact]
    public void Looks_come_quickly_at_first_and_back_off_to_the_ceiling() =>
        Enumerable.Range(0, 6).Select(a => PollBackoff.After(a, TimeSpan.FromSeconds(1)).TotalMilliseconds)
            .ShouldBe([100, 200, 400, 800, 1000, 1000]);

    [Fact]
    public void A_first_pause_can_be_given_and_doubles_the_same_way() =>
        Enumerable.Range(0, 5).Select(a => PollBackoff.After(a, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)).TotalSeconds)
            .ShouldBe([1, 2, 4, 5, 5]);

    [Fact]
    public void Many_looks_later_the_pause_is_the_ceiling_without_overflow() =>
        PollBackoff.After(10_000, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)).ShouldBe(TimeSpan.FromSeconds(5));
}
