using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Transports;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Config;

namespace Uplift.Tests.Handlers;

/// <summary>The puppet master's release name set in its ini file, by the real /bin/sh and awk on a temporary file.</summary>
public sealed class ConfigSetTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"uplift-release-{Guid.NewGuid():N}.conf");
    private readonly ExecutorFixture _run = new();

    public ConfigSetTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        var local = new LocalTransport();
        _run.Shells = node => local.ShellFor(new Node(node, "127.0.0.1", [Role.PuppetMaster]));
        File.WriteAllText(_file, "[network]\nmtu=1500\n[releasenames]\n# Name of the OpenStack release\nopenstack_release=epoxy\n[database]\nhost=db\n");
    }

    public void Dispose()
    {
        _run.Dispose();
        File.Delete(_file);
    }

    private Plan Plan(string hash) => new TestPlan().Class("default", 1)
        .Step("prepare/oci/release-name", ConfigSetStep.Kind, node: "oci",
            arguments: [.. new ConfigSetStep(_file, "releasenames", "openstack_release", "gazpacho").Write().Select(a => (a.Key, a.Value))])
        .Build(hash);

    [Fact]
    public async Task The_release_name_is_set_in_its_section_and_a_second_run_finds_it_done()
    {
        var first = await _run.RunAsync(Plan("h1"));

        first.Outcome.ShouldBe(RunOutcome.Succeeded);
        File.ReadAllText(_file).ShouldBe("[network]\nmtu=1500\n[releasenames]\n# Name of the OpenStack release\nopenstack_release = gazpacho\n[database]\nhost=db\n");

        var again = await _run.RunAsync(Plan("h2"));

        again.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Journal.Steps("h2")["prepare/oci/release-name"].State.ShouldBe(StepState.AlreadyDone);
    }
}
