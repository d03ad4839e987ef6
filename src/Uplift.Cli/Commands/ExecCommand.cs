using System.CommandLine;
using Spectre.Console;
using Uplift.Cli.Terminal;
using Uplift.Diagnostics;
using Uplift.Exec;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Cli.Commands;

/// <summary>`uplift exec`: runs one shell command on many nodes over SSH, a sliding window of them at a time.</summary>
internal static class ExecCommand
{
    public static IEnumerable<Command> Create()
    {
        var inventory = new Option<FileInfo>("--inventory", "-i") { Description = "the cluster's inventory.yaml", Required = true };
        var role = new Option<string?>("--role") { Description = "only the nodes with this role (controller, network, compute, volume)" };
        var nodes = new Option<string?>("--nodes") { Description = "only these nodes, comma-separated names" };
        var parallel = new Option<int?>("--parallel", "-p") { Description = "nodes at once (default: the inventory's concurrency.prepare)" };
        var timeout = new Option<double>("--timeout") { Description = "seconds before the command is ended, on the node too", DefaultValueFactory = _ => 600 };
        var json = new Option<bool>("--json") { Description = "print one JSON document with every node's result" };
        var acceptNew = new Option<bool>("--accept-new-host-keys") { Description = "accept and record host keys not yet in known_hosts (never a changed one)" };
        var script = new Argument<string[]>("command") { Description = "the shell command to run on each node (after --)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("exec", "Run a shell command on the cluster's nodes over SSH and show each node's output.")
        {
            inventory, role, nodes, parallel, timeout, json, acceptNew, script,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var words = parse.GetValue(script)!;
            if (words[0].StartsWith('-'))
            {
                // An option the command does not know lands in the command words; no shell command starts with '-'.
                throw new InputException($"'{words[0]}' is not an option of uplift exec",
                    hint: "see 'uplift exec --help' for its options (--nodes, --role, …); the command to run comes after --");
            }
            var cluster = InventoryLoader.Load(parse.GetValue(inventory)!.FullName);
            var targets = ExecTargets.Select(cluster, parse.GetValue(role), parse.GetValue(nodes));
            var width = parse.GetValue(parallel) ?? cluster.Concurrency.Prepare;
            if (width < 1)
            {
                throw new InputException($"--parallel {width} is not a number of nodes", hint: "give 1 or more");
            }
            var seconds = parse.GetValue(timeout);
            if (!(seconds > 0))
            {
                throw new InputException($"--timeout {seconds} is not a duration", hint: "give seconds, more than 0");
            }
            var line = string.Join(' ', words);
            var output = parse.InvocationConfiguration.Output;
            IExecView view = parse.GetValue(json) ? new JsonExecView(output)
                : ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? new LiveExecView(AnsiConsole.Console, targets, TimeProvider.System)
                : new PlainExecView(output, targets.Max(n => n.Name.Length));
            // Ctrl-C: no new node starts, running ssh clients end here and the masters close; a command already
            // running on a node goes on until it ends or its timeout (killing dpkg halfway would do more harm).
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var signals = Interrupts.Handle(() => _ = interrupt.CancelAsync());
            await using var transport = new OpenSshTransport(cluster.Ssh, ClusterObservations.SshOptions(parse, parse.GetValue(acceptNew)));
            return await ExecRun.RunAsync(line, TimeSpan.FromSeconds(seconds), width, targets, transport, view, TimeProvider.System, interrupt.Token);
        });
        return [command];
    }
}
