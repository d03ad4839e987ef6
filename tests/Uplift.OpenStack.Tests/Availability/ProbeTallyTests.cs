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

    [Fact]
    public void GivenFailuresInsideAPlannedWindow_WhenSummarized_ThenTheyAreCountedAsPlannedAndTheOthersAsFailed()
    {
        var tally = new ProbeTally(["neutron", "nova"]);
        var outcomes = new (string Frontend, double At, bool Ok)[]
        {
            ("neutron", 0, true), ("neutron", 1, false), ("neutron", 2, false), ("neutron", 3, true), ("neutron", 5, false), ("neutron", 6, true),
            ("nova", 1.5, false), ("nova", 2.5, true),
        };
        foreach (var (frontend, at, ok) in outcomes)
        {
            tally.Record(frontend, At(at), ok);
        }
        PlannedWindow[] planned = [new("neutron", At(0.9), At(2.9), "neutron: offline contract")];

        var summary = tally.Summarize(TimeSpan.FromSeconds(7), planned);

        var neutron = summary.Frontends[0];
        (neutron.Sent, neutron.Failures, neutron.Planned).ShouldBe((6, 1, 2));
        neutron.LongestFailureWindow.ShouldBe(TimeSpan.FromSeconds(1), "only the unplanned failure at 5 s opens a window");
        (summary.Frontends[1].Failures, summary.Frontends[1].Planned).ShouldBe((1, 0), "another API's failure in that time is not planned");
        summary.PlannedFailures.ShouldBe(2);
        summary.ToText().ShouldContain("2 failed, 0 slow, 2 failed in planned outages.");
        summary.ToText().ShouldContain("planned outage of neutron: neutron: offline contract, 2.0 s from 12:00:00Z");
        summary.Failed.Select(f => (f.Frontend, f.Sent)).ShouldBe([("nova", At(1.5)), ("neutron", At(5))], "the unplanned failures, by send time");
    }

    [Fact]
    public void Given_failures_of_several_causes_When_summarized_Then_each_api_counts_its_causes_most_frequent_first_and_the_json_lists_them()
    {
        var tally = new ProbeTally(["keystone", "heat"]);
        tally.Record("keystone", At(0), ok: false, cause: "no answer within 5 s");
        tally.Record("keystone", At(1), ok: false, cause: "HTTP 503");
        tally.Record("keystone", At(2), ok: false, cause: "HTTP 503");
        tally.Record("keystone", At(3), ok: true, cause: "HTTP 503");
        tally.Record("heat", At(0.5), ok: true);

        var summary = tally.Summarize(TimeSpan.FromSeconds(4));

        summary.Frontends[0].Causes.ShouldBe([("HTTP 503", 2), ("no answer within 5 s", 1)]);
        summary.Frontends[1].Causes.ShouldBeEmpty();
        summary.ToText().ShouldContain("keystone failed: 2 × HTTP 503, 1 × no answer within 5 s");
        summary.ToText().ShouldNotContain("heat failed");
        using var json = System.Text.Json.JsonDocument.Parse(summary.ToJson());
        json.RootElement.GetProperty("frontends")[0].GetProperty("causes").GetProperty("HTTP 503").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("failed").GetArrayLength().ShouldBe(3);
        json.RootElement.GetProperty("failed")[0].GetProperty("cause").GetString().ShouldBe("no answer within 5 s");
    }

    [Fact]
    public void Given_requests_over_25_s_When_summarized_Then_the_series_counts_each_10_s_step_with_planned_failures_apart()
    {
        var tally = new ProbeTally(["nova", "glance"]);
        for (var second = 0; second < 25; second++)
        {
            tally.Record("nova", At(second), ok: second is < 12 or > 14);
            tally.Record("glance", At(second), ok: second != 21);
        }

        var summary = tally.Summarize(TimeSpan.FromSeconds(25), [new PlannedWindow("nova", At(13.5), At(15), "nova-api restarted")]);

        summary.Series.Select(s => (s.At, s.Sent, s.Failed, s.Planned)).ShouldBe(
        [
            (At(0), 20, 0, 0),
            (At(10), 20, 2, 1),
            (At(20), 10, 1, 0),
        ]);
    }
}
