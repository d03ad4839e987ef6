using Uplift.OpenStack;

namespace Uplift.Tests;

public class ProbeTallyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void GivenOnlySuccesses_WhenSummarized_ThenNothingFailedAndNoWindow()
    {
        var tally = new ProbeTally(["nova", "glance"]);
        for (var i = 0; i < 10; i++)
        {
            tally.Record("nova", At(i * 0.05), ok: true);
        }

        var summary = tally.Summarize(TimeSpan.FromSeconds(1));

        summary.Sent.ShouldBe(10);
        summary.Failures.ShouldBe(0);
        summary.Frontends.Select(f => f.Name).ShouldBe(["nova", "glance"]);
        summary.Frontends[0].LongestFailureWindow.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void GivenTwoFailureRuns_WhenSummarized_ThenTheLongestWindowRunsFromFirstFailureToNextSuccess()
    {
        var tally = new ProbeTally(["nova"]);
        var outcomes = new (double At, bool Ok)[] { (0, true), (0.1, false), (0.2, true), (0.3, false), (0.4, false), (0.5, false), (0.7, true) };
        foreach (var (at, ok) in outcomes)
        {
            tally.Record("nova", At(at), ok);
        }

        var nova = tally.Summarize(TimeSpan.FromSeconds(1)).Frontends[0];

        nova.Failures.ShouldBe(4);
        nova.LongestFailureWindow.ShouldBe(TimeSpan.FromSeconds(0.4), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void GivenResultsArrivingOutOfOrder_WhenSummarized_ThenWindowsFollowSendTimes()
    {
        var tally = new ProbeTally(["nova"]);
        tally.Record("nova", At(0.3), ok: true);
        tally.Record("nova", At(0.1), ok: false);
        tally.Record("nova", At(0.0), ok: true);

        tally.Summarize(TimeSpan.FromSeconds(1)).Frontends[0].LongestFailureWindow.ShouldBe(TimeSpan.FromSeconds(0.2), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void GivenAProbeEndingWhileFailing_WhenSummarized_ThenTheWindowEndsAtTheLastRequest()
    {
        var tally = new ProbeTally(["nova"]);
        tally.Record("nova", At(1), ok: false);
        tally.Record("nova", At(2.5), ok: false);

        var summary = tally.Summarize(TimeSpan.FromSeconds(3));

        summary.Frontends[0].LongestFailureWindow.ShouldBe(TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(1));
        summary.ToText().ShouldContain("2 failed");
        summary.ToJson().ShouldContain("\"longest_failure_window_seconds\":1.5");
    }

    [Fact]
    public void GivenAnAnswerThatCameSlowly_WhenSummarized_ThenItIsSlowNotFailedAndOpensNoWindow()
    {
        var tally = new ProbeTally(["nova"]);
        tally.Record("nova", At(0), ok: true);
        tally.Record("nova", At(0.05), ok: true, slow: true);
        tally.Record("nova", At(0.1), ok: false, slow: true);
        tally.Record("nova", At(0.15), ok: true);

        var nova = tally.Summarize(TimeSpan.FromSeconds(1)).Frontends.Single();

        (nova.Sent, nova.Failures, nova.Slow).ShouldBe((4, 1, 1), "a failed request is a failure, however long it took");
        nova.LongestFailureWindow.ShouldBe(TimeSpan.FromSeconds(0.05), tolerance: TimeSpan.FromMilliseconds(1));
    }
}
