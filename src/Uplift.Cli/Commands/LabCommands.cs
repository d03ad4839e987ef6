using System.CommandLine;
using Uplift.Catalog;
using Uplift.Cli.Terminal;
using Uplift.Lab;
using Uplift.OpenStack;

namespace Uplift.Cli.Commands;

/// <summary>
/// <c>uplift lab up|status|down|probe</c>: a rehearsal cluster on this machine for trying and testing
/// Uplift (docs/lab.md). It is not OpenStack and says so.
/// </summary>
internal static class LabCommands
{
    public static IEnumerable<Command> Create()
    {
        var lab = new Command("lab", "A rehearsal cluster on this machine (loopback nodes with real sshd, HAProxy, MariaDB and shims) for trying and testing Uplift. Not OpenStack.");
        lab.Subcommands.Add(Up());
        lab.Subcommands.Add(Status());
        lab.Subcommands.Add(Down());
        lab.Subcommands.Add(Probe());
        lab.Subcommands.Add(NodeSwitch("stop-node", "Stop one node's sshd and end its connections: the node becomes unreachable.", stop: true));
        lab.Subcommands.Add(NodeSwitch("start-node", "Start a stopped node's sshd again.", stop: false));
        return [lab];
    }

    private static Option<string> StateDirectory() => new("--state-dir")
    {
        Description = "Directory holding the lab's files (must be reachable by the lab account)",
        DefaultValueFactory = _ => LabOptions.DefaultStateDirectory,
    };

    private static Command Up()
    {
        var defaults = new LabOptions();
        var controllers = Count("--controllers", defaults.Controllers);
        var network = Count("--network", defaults.Network);
        var computes = Count("--computes", defaults.Computes);
        var volumes = Count("--volumes", defaults.Volumes);
        var release = new Option<string>("--release") { Description = "Release the lab's packages start on", DefaultValueFactory = _ => defaults.Release };
        var delay = new Option<double>("--start-delay") { Description = "Seconds a started API unit takes to answer (0 for benchmarks)", DefaultValueFactory = _ => defaults.StartDelaySeconds };
        var rows = new Option<int>("--migration-rows") { Description = "Online data migration rows left by each schema sync", DefaultValueFactory = _ => defaults.MigrationRows };
        var instances = new Option<int>("--instances") { Description = "Instances the lab's nova places on each compute (live-migratable records)", DefaultValueFactory = _ => LabOptions.DefaultInstancesPerCompute };
        var alternatives = new Option<string>("--alternatives-on") { Description = "Nodes (comma separated) with Debian's alternative units, e.g. neutron-api and neutron-rpc-server for neutron-server", DefaultValueFactory = _ => "" };
        var openstack = new Option<bool>("--openstack")
        {
            Description = "Nodes of real OpenStack code (Debian's packages, a root tree per node; 2 controllers, 2 computes with 1 instance each, 1 volume node unless given)",
        };
        var state = StateDirectory();
        var command = new Command("up", "Build and start the lab (needs root).") { controllers, network, computes, volumes, release, delay, rows, instances, alternatives, openstack, state };
        command.SetAction((parse, cancel) => Guarded(parse, async () =>
        {
            var real = parse.GetValue(openstack);
            // The lab of real code has its own defaults where the operator gave none: it is heavier, and has no network nodes.
            int Value(Option<int> option, int openstackDefault) =>
                real && parse.GetResult(option) is null or { Implicit: true } ? openstackDefault : parse.GetValue(option);
            var options = new LabOptions(Value(controllers, 2), Value(network, 0), Value(computes, 2), Value(volumes, 1),
                parse.GetValue(release)!, Path.GetFullPath(parse.GetValue(state)!), parse.GetValue(delay), parse.GetValue(rows), Value(instances, 1),
                parse.GetValue(alternatives)!, real);
            await LabBuilder.UpAsync(options, CatalogLoader.LoadEmbedded(), TimeProvider.System, parse.InvocationConfiguration.Output, cancel);
            return 0;
        }));
        return command;
    }

    private static Option<int> Count(string name, int value) =>
        new(name) { Description = $"Number of {name[2..]} nodes", DefaultValueFactory = _ => value };

    private static Command Status()
    {
        var state = StateDirectory();
        var command = new Command("status", "Show the lab's daemons, VIP holder and each node's release.") { state };
        command.SetAction((parse, cancel) => Guarded(parse, async () =>
        {
            parse.InvocationConfiguration.Output.Write(await LabStatus.ReportAsync(Path.GetFullPath(parse.GetValue(state)!), CatalogLoader.LoadEmbedded(), cancel));
            return 0;
        }));
        return command;
    }

    private static Command Down()
    {
        var state = StateDirectory();
        var command = new Command("down", "Stop every lab process and remove its files and account (needs root).") { state };
        command.SetAction((parse, cancel) => Guarded(parse, async () =>
        {
            await LabTeardown.DownAsync(Path.GetFullPath(parse.GetValue(state)!), TimeProvider.System, parse.InvocationConfiguration.Output, cancel);
            return 0;
        }));
        return command;
    }

    private static Command Probe()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds to probe (SIGINT or SIGTERM ends it earlier, with its summary)", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "Requests per second to every API frontend", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var state = StateDirectory();
        var command = new Command("probe", "Send requests through the VIP to every API and count failures.") { duration, rate, json, state };
        command.SetAction((parse, cancel) => Guarded(parse, async () =>
        {
            if (parse.GetValue(duration) <= 0 || parse.GetValue(rate) <= 0)
            {
                throw new Diagnostics.InputException("--duration and --rate must be positive");
            }
            using var probe = await LabProbe.OpenAsync(Layout(Path.GetFullPath(parse.GetValue(state)!)), TimeProvider.System, cancel);
            // SIGINT or SIGTERM ends the probe early, with its summary: it often runs in the background
            // (where a non-interactive shell leaves SIGINT ignored, so SIGTERM is the way to stop it).
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            using var signals = Interrupts.Handle(() => _ = interrupt.CancelAsync(), terminateToo: true);
            var summary = await new ProbeRunner(probe.Http, TimeProvider.System)
                .RunAsync(probe.Targets, parse.GetValue(rate), TimeSpan.FromSeconds(parse.GetValue(duration)), interrupt.Token);
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json) ? summary.ToJson() : $"Probe through {LabLayout.VipAddress}: " + summary.ToText());
            return 0;
        }));
        return command;
    }

    private static Command NodeSwitch(string name, string description, bool stop)
    {
        var node = new Argument<string>("node") { Description = "Node name, e.g. cmp3" };
        var state = StateDirectory();
        var command = new Command(name, description) { node, state };
        command.SetAction((parse, cancel) => Guarded(parse, async () =>
        {
            var lab = Layout(Path.GetFullPath(parse.GetValue(state)!));
            var target = parse.GetValue(node)!;
            if (stop)
            {
                await LabNodeControl.StopAsync(lab, target, TimeProvider.System, cancel);
            }
            else
            {
                await LabNodeControl.StartAsync(lab, target, cancel);
            }
            parse.InvocationConfiguration.Output.WriteLine($"{target}: sshd {(stop ? "stopped" : "started")}");
            return 0;
        }));
        return command;
    }

    private static LabLayout Layout(string directory)
    {
        var description = LabDescription.Read(directory) ?? throw new LabException($"no lab in {directory}: start one with 'uplift lab up'");
        return new LabLayout(description.Options, CatalogLoader.LoadEmbedded());
    }

    /// <summary>A lab failure is an operation that failed (exit 1) with its message, not a crash.</summary>
    private static async Task<int> Guarded(ParseResult parse, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is LabException or IOException or UnauthorizedAccessException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"uplift lab: {e.Message}");
            return 1;
        }
    }
}
