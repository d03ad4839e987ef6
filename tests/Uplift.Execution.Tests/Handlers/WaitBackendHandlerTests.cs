using Uplift.Execution;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Tests.Handlers;

public sealed class WaitBackendHandlerTests
{
    [Fact]
    public async Task Given_an_api_that_answers_on_the_third_look_When_waited_for_Then_the_wait_ends_after_the_short_first_pauses()
    {
        var time = new TestClock();
        var shell = new AnsweringShell([(7, ""), (0, "500"), (0, "200")]);
        var step = new PlanStep("nova/ctl2/wait-nova", WaitBackendStep.Kind, "control-plane", "nova", ["ctl2"],
            [new("address", "127.0.10.2"), new("port", "8774")], ConcurrencyClasses.Cluster, [], [], 0, false, "nova");
        var context = new StepContext(step, _ => shell, time, _ => { }, CancellationToken.None);

        var waiting = new WaitBackendHandler().ActAsync(context);
        var waited = TimeSpan.Zero;
        while (!waiting.IsCompleted && waited < TimeSpan.FromSeconds(5))
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
            await Task.Delay(1);
        }
        await waiting;

        shell.Commands.ShouldBe(Enumerable.Repeat("curl -s -o /dev/null -w '%{http_code}' --max-time 2 http://127.0.10.2:8774/", 3));
        waited.ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(400), "0.1 s then 0.2 s between the looks, not a full second each");
    }

    [Theory]
    [InlineData(0, "200", null)]
    [InlineData(0, "300", null)]
    [InlineData(0, "500", "HTTP status 500")]
    [InlineData(0, "401", "HTTP status 401")]
    [InlineData(7, "000", "curl exit 7")]
    public void Given_a_probes_answer_When_judged_Then_only_2xx_and_3xx_count_as_healthy_as_for_HAProxys_check(int exit, string status, string? seen) =>
        WaitBackendHandler.Unhealthy(exit, status).ShouldBe(seen);

    /// <summary>curl's exit codes and printed statuses, one per look: 7 (connection refused), then a 500 (an app that did
    /// not load), until the API answers 200.</summary>
    private sealed class AnsweringShell((int Exit, string Status)[] answers) : IRemoteShell
    {
        public string Node => "ctl2";

        public List<string> Commands { get; } = [];

        public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.Script);
            var (exit, status) = answers[Commands.Count - 1];
            return Task.FromResult(new CommandResult(exit, status, "", TimeSpan.Zero));
        }
    }
}
