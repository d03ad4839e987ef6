using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Transports;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Config;

namespace Uplift.Tests.Handlers;

/// <summary>
/// Options written in ini files (the puppet master's release name, a service's RPC pin), by the real /bin/sh and awk on
/// a temporary file: each step is its guard, its write and its read-back in one round trip, judged on the node.
/// </summary>
public sealed class IniStepsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"uplift-release-{Guid.NewGuid():N}.conf");
    private readonly ExecutorFixture _run = new();
    private readonly List<string> _sent = [];

    public IniStepsTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        var local = new LocalTransport();
        _run.Shells = node => new Counting(local.ShellFor(new Node(node, "127.0.0.1", [Role.PuppetMaster])), _sent);
        File.WriteAllText(_file, "[network]\nmtu=1500\n[releasenames]\n# Name of the OpenStack release\nopenstack_release=epoxy\n[database]\nhost=db\n");
    }

    public void Dispose()
    {
        _run.Dispose();
        File.Delete(_file);
    }

    private static Plan Plan(string hash, StepKind kind, IReadOnlyList<KeyValuePair<string, string>> arguments) => new TestPlan().Class("default", 1)
        .Step("prepare/oci/ini", kind, node: "oci", arguments: [.. arguments.Select(a => (a.Key, a.Value))])
        .Build(hash);

    private Plan ReleaseName(string hash) => Plan(hash, ConfigSetStep.Kind, new ConfigSetStep(_file, "releasenames", "openstack_release", "gazpacho").Write());

    private StepState StateIn(string hash) => _run.Journal.Steps(hash)["prepare/oci/ini"].State;

    [Fact]
    public async Task The_release_name_is_set_in_its_section_and_a_second_run_finds_it_done()
    {
        var first = await _run.RunAsync(ReleaseName("h1"));

        first.Outcome.ShouldBe(RunOutcome.Succeeded);
        File.ReadAllText(_file).ShouldBe("[network]\nmtu=1500\n[releasenames]\n# Name of the OpenStack release\nopenstack_release = gazpacho\n[database]\nhost=db\n");
        StateIn("h1").ShouldBe(StepState.Done);
        _sent.Count.ShouldBe(1, "the guard, the write and the read-back in one round trip");

        var written = File.GetLastWriteTimeUtc(_file);
        var again = await _run.RunAsync(ReleaseName("h2"));

        again.Outcome.ShouldBe(RunOutcome.Succeeded);
        StateIn("h2").ShouldBe(StepState.AlreadyDone);
        _sent.Count.ShouldBe(2);
        File.GetLastWriteTimeUtc(_file).ShouldBe(written, "a step found done writes nothing");
    }

    [Fact]
    public async Task An_rpc_pin_is_written_then_removed_each_in_one_round_trip_and_found_done_after()
    {
        var pin = new RpcPinSetting(_file, "upgrade_levels", "compute", "auto");

        (await _run.RunAsync(Plan("pin", RpcPinStep.Kind, new RpcPinStep(pin).Write()))).Outcome.ShouldBe(RunOutcome.Succeeded);
        File.ReadAllText(_file).ShouldEndWith("[upgrade_levels]\ncompute = auto\n");
        (await _run.RunAsync(Plan("pin-again", RpcPinStep.Kind, new RpcPinStep(pin).Write()))).Outcome.ShouldBe(RunOutcome.Succeeded);
        (await _run.RunAsync(Plan("unpin", RpcUnpinStep.Kind, new RpcUnpinStep(pin).Write()))).Outcome.ShouldBe(RunOutcome.Succeeded);
        File.ReadAllText(_file).ShouldNotContain("compute = auto");
        (await _run.RunAsync(Plan("unpin-again", RpcUnpinStep.Kind, new RpcUnpinStep(pin).Write()))).Outcome.ShouldBe(RunOutcome.Succeeded);

        new[] { "pin", "pin-again", "unpin", "unpin-again" }.Select(StateIn)
            .ShouldBe([StepState.Done, StepState.AlreadyDone, StepState.Done, StepState.AlreadyDone]);
        _sent.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_value_the_node_would_read_otherwise_than_Uplift_is_set_with_its_guard_apart()
    {
        var pin = new RpcPinSetting(_file, "upgrade_levels", "compute", "");

        (await _run.RunAsync(Plan("blank", RpcPinStep.Kind, new RpcPinStep(pin).Write()))).Outcome.ShouldBe(RunOutcome.Succeeded);

        File.ReadAllText(_file).ShouldEndWith("[upgrade_levels]\ncompute = \n");
        _sent.Count.ShouldBe(3, "guard, write, read-back: an empty value is not judged on the node");
        StateIn("blank").ShouldBe(StepState.Done);
    }

    private sealed class Counting(IRemoteShell inner, List<string> sent) : IRemoteShell
    {
        public string Node => inner.Node;

        public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
        {
            lock (sent)
            {
                sent.Add(command.Script);
            }
            return inner.RunAsync(command, cancellationToken);
        }
    }
}
