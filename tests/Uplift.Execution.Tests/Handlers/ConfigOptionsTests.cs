using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Config;

namespace Uplift.Tests.Handlers;

/// <summary>Pre-flight's config options: a removed option is reported; one the new release's service does not start with
/// (catalog stops-service) fails the step before anything changes.</summary>
public sealed class ConfigOptionsTests : IDisposable
{
    private const string Paste = "/etc/nova/api-paste.ini";
    private const string Conf = "/etc/nova/nova.conf";

    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _ctl1 = new("ctl1");
    private Plan? _plan;

    public ConfigOptionsTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = _ => _ctl1;
        _ctl1.Answers[IniOption.Get(Conf, "DEFAULT", "osapi_max_request_body_size")] = (0, "114688\n");
    }

    public void Dispose() => _run.Dispose();

    private static Plan PlanWith(string stops) => new TestPlan().Class("default", 1).Step("preflight/ctl1/config-options", CheckConfigOptionsStep.Kind, node: "ctl1",
        arguments: [.. new CheckConfigOptionsStep([
            new RetiredOption(Conf, "DEFAULT", "osapi_max_request_body_size", "oslo_middleware/max_request_body_size"),
            new RetiredOption(Paste, "filter:healthcheck", "use", "", stops),
        ]).Write().Select(a => (a.Key, a.Value))]).Build();

    [Fact]
    public async Task Given_the_healthcheck_filter_still_set_When_checked_Then_the_step_fails_with_why_and_the_renamed_option_is_still_only_reported()
    {
        _ctl1.Answers[IniOption.Get(Paste, "filter:healthcheck", "use")] = (0, "egg:oslo.middleware#healthcheck\n");

        var summary = await _run.RunAsync(_plan = PlanWith("oslo.middleware 7.0 deploys healthcheck as an application only; take it out"));

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        var step = _run.Journal.Steps(_plan!.InputsHash)["preflight/ctl1/config-options"];
        step.Message.ShouldContain("on ctl1: the target release's services would not start: /etc/nova/api-paste.ini [filter:healthcheck] use is set: oslo.middleware 7.0 deploys healthcheck as an application only, take it out");
        step.Message.ShouldContain("nothing was changed");
    }

    [Fact]
    public async Task Given_the_healthcheck_filter_gone_When_checked_Then_the_step_succeeds_reporting_the_renamed_option()
    {
        _ctl1.Answers[IniOption.Get(Paste, "filter:healthcheck", "use")] = (1, "");

        var summary = await _run.RunAsync(_plan = PlanWith("oslo.middleware 7.0 deploys healthcheck as an application only"));

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        _run.Journal.Steps(_plan!.InputsHash)["preflight/ctl1/config-options"].Message
            .ShouldContain("/etc/nova/nova.conf [DEFAULT] osapi_max_request_body_size is set; the target release reads oslo_middleware/max_request_body_size instead");
    }
}
