using System.Net;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests;

public class ProbeRunnerTests
{
    /// <summary>Answers 503 for nova while <see cref="NovaDown"/> is set, 200 otherwise; signals every request.</summary>
    private sealed class FakeApis : HttpMessageHandler
    {
        public volatile bool NovaDown;
        public SemaphoreSlim Requests { get; } = new(0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = NovaDown && request.RequestUri!.Port == 8774 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
            Requests.Release();
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    private static readonly ProbeTarget[] Targets =
    [
        new("nova", new Uri("http://127.0.10.250:8774/")),
        new("glance", new Uri("http://127.0.10.250:9292/")),
    ];

    private static async Task Sent(FakeApis apis, int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await apis.Requests.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue("the probe did not send its requests");
        }
    }

    [Fact]
    public async Task GivenARateAndDuration_WhenNovaFailsForAWhile_ThenEveryFrontendGetsTheRateAndOnlyNovaCountsFailures()
    {
        var time = new TestClock();
        var apis = new FakeApis();
        using var http = new HttpClient(apis);
        var run = new ProbeRunner(http, time).RunAsync(Targets, rate: 10, TimeSpan.FromSeconds(1), CancellationToken.None);
        await Sent(apis, 2);

        for (var tick = 1; tick <= 9; tick++)
        {
            apis.NovaDown = tick is >= 3 and <= 5;
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Sent(apis, 2);
        }
        time.Advance(TimeSpan.FromMilliseconds(100));
        var summary = await run;

        summary.Frontends.Select(f => (f.Name, f.Sent, f.Failures)).ShouldBe([("nova", 10, 3), ("glance", 10, 0)]);
        summary.Frontends[0].LongestFailureWindow.ShouldBe(TimeSpan.FromMilliseconds(300));
        summary.Frontends[0].Causes.ShouldBe([("HTTP 503", 3)]);
        summary.Failed.Select(f => (f.Frontend, f.Cause)).ShouldBe([("nova", "HTTP 503"), ("nova", "HTTP 503"), ("nova", "HTTP 503")]);
        summary.ToText().ShouldContain("nova failed: 3 × HTTP 503");
    }

    [Fact]
    public async Task Given_a_port_nothing_listens_on_When_probed_Then_the_failure_says_the_connection_was_refused()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();

        var error = await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync($"http://127.0.0.1:{port}/"));

        ProbeRunner.CauseOf(error).ShouldBe("ConnectionRefused");
        ProbeRunner.CauseOf(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")).ShouldBe("ResponseEnded");
    }

    [Fact]
    public void For_a_cloud_an_answer_below_500_is_an_api_that_is_up_and_with_a_token_2xx_or_3xx_is_a_request_served()
    {
        new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.MultipleChoices }.ShouldAllBe(s => ProbeRunner.Answered(s));
        new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout }.ShouldAllBe(s => !ProbeRunner.Answered(s));
        new[] { HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.MultipleChoices }.ShouldAllBe(s => ProbeRunner.Served(s));
        new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable }.ShouldAllBe(s => !ProbeRunner.Served(s));
    }

    [Fact]
    public async Task GivenARunningProbe_WhenInterrupted_ThenItStopsSendingAndStillReturnsItsSummary()
    {
        var time = new TestClock();
        var apis = new FakeApis();
        using var http = new HttpClient(apis);
        using var interrupt = new CancellationTokenSource();
        var run = new ProbeRunner(http, time).RunAsync(Targets, rate: 20, TimeSpan.FromMinutes(10), interrupt.Token);
        await Sent(apis, 2);
        time.Advance(TimeSpan.FromMilliseconds(50));
        await Sent(apis, 2);

        await interrupt.CancelAsync();
        var summary = await run;

        summary.Sent.ShouldBe(4);
        summary.Failures.ShouldBe(0);
        summary.Duration.ShouldBe(TimeSpan.FromMilliseconds(50));
    }
}
