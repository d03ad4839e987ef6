using System.CommandLine;
using Uplift.Diagnostics;
using Uplift.Haproxy;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift haproxy …`: what operators use hapc for, with every reply checked. Works on this machine (--socket PATH
/// or host:port) or on a node over SSH (--inventory F --node N, through socat there). Exit codes: 0 done,
/// 1 HAProxy failed or a drain timed out, 2 bad input (an unknown backend or server: HAProxy's text and the valid names).
/// </summary>
internal static class HaproxyCommands
{
    private const string DefaultSocket = "/run/haproxy/admin.sock";

    public static IEnumerable<Command> Create()
    {
        var reach = new Reach();
        var haproxy = new Command("haproxy", "Look at and change HAProxy backends and servers through its admin socket.")
        {
            reach.Socket, reach.Inventory, reach.Node,
            ListBackends(reach), ListServers(reach), DrainServer(reach),
            SetServer(reach, "enable-server", ServerMode.Ready, "Put a server back in rotation (state ready: clears maintenance and drain)."),
            SetServer(reach, "disable-server", ServerMode.Maintenance, "Take a server out of rotation at once (state maint)."),
            ShowStat(reach), Completion(),
        };
        return [haproxy];
    }

    private static Option<string> Backend(bool required = true) =>
        new("--backend", "-b") { Description = "backend name, exactly as HAProxy has it", Required = required };

    private static Option<string> Server() => new("--server", "-s") { Description = "server name, exactly (ctl1 never matches ctl10)", Required = true };

    private static Command ListBackends(Reach reach)
    {
        var command = new Command("list-backends", "List the backends, one name per line.");
        command.SetAction((parse, cancel) => reach.RunAsync(parse, async (client, output) =>
        {
            foreach (var name in await client.ListBackendsAsync(cancel))
            {
                output.WriteLine(name);
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command ListServers(Reach reach)
    {
        var backend = Backend();
        var names = new Option<bool>("--names") { Description = "only the server names, one per line" };
        var command = new Command("list-servers", "List the servers of a backend with their states.") { backend, names };
        command.SetAction((parse, cancel) => reach.RunAsync(parse, async (client, output) =>
        {
            var be = parse.GetValue(backend)!;
            var servers = await client.ListServersAsync(be, cancel);
            output.Write(parse.GetValue(names)
                ? string.Concat(servers.Select(s => s.Name + Environment.NewLine))
                : HaproxyTables.Servers(servers, await client.ShowStatAsync(be, cancel)));
            return 0;
        }, cancel));
        return command;
    }

    private static Command DrainServer(Reach reach)
    {
        var (backend, server) = (Backend(), Server());
        var wait = new Option<bool>("--wait") { Description = "wait until no session and no queued request is left on the server" };
        var timeout = new Option<double>("--timeout") { Description = "with --wait: seconds to wait before failing (exit 1)", DefaultValueFactory = _ => 60 };
        var poll = new Option<double>("--poll") { Description = "with --wait: seconds between two looks", DefaultValueFactory = _ => 1 };
        var command = new Command("drain-server", "Stop sending new traffic to a server (state drain); sessions in flight finish.")
        {
            backend, server, wait, timeout, poll,
        };
        command.SetAction((parse, cancel) => reach.RunAsync(parse, async (client, output) =>
        {
            var (be, srv) = (parse.GetValue(backend)!, parse.GetValue(server)!);
            var (seconds, every) = (parse.GetValue(timeout), parse.GetValue(poll));
            if (!(seconds >= 0) || !(every > 0))
            {
                throw new InputException($"--timeout {seconds} / --poll {every} are not durations", hint: "give seconds: timeout 0 or more, poll more than 0");
            }
            if (!parse.GetValue(wait))
            {
                var before = await client.GetServerAsync(be, srv, cancel);
                await client.SetStateAsync(be, srv, ServerMode.Drain, cancel);
                output.WriteLine($"{be}/{srv}: drain (admin state before: {before.AdminStateText})");
                return 0;
            }
            var options = new DrainOptions { Timeout = TimeSpan.FromSeconds(seconds), PollInterval = TimeSpan.FromSeconds(every) };
            var outcome = await new ServerDrain(client, TimeProvider.System).DrainAsync(be, srv, options, cancel);
            output.WriteLine(HaproxyTables.Drain(outcome));
            outcome.ThrowIfTimedOut();
            return 0;
        }, cancel));
        return command;
    }

    private static Command SetServer(Reach reach, string name, ServerMode mode, string description)
    {
        var (backend, server) = (Backend(), Server());
        var command = new Command(name, description) { backend, server };
        var whenHealthy = new Option<bool>("--when-healthy")
        {
            Description = "first wait until the server's own address (srv_addr:srv_port, probed from here) accepts a connection",
        };
        var probePath = new Option<string?>("--probe-path") { Description = "with --when-healthy: probe with an HTTP GET of this path (below 500 passes)" };
        var timeout = new Option<double>("--timeout") { Description = "with --when-healthy: seconds to wait for an answer (exit 1 after)", DefaultValueFactory = _ => 60 };
        if (mode == ServerMode.Ready)
        {
            command.Options.Add(whenHealthy);
            command.Options.Add(probePath);
            command.Options.Add(timeout);
        }
        command.SetAction((parse, cancel) => reach.RunAsync(parse, async (client, output) =>
        {
            var (be, srv) = (parse.GetValue(backend)!, parse.GetValue(server)!);
            var before = await client.GetServerAsync(be, srv, cancel);
            var state = mode == ServerMode.Ready ? "ready" : "maint";
            if (parse.GetValue(whenHealthy))
            {
                var (path, seconds) = (parse.GetValue(probePath), parse.GetValue(timeout));
                if (!(seconds >= 0) || path is not null && !path.StartsWith('/'))
                {
                    throw new InputException($"--timeout {seconds} / --probe-path {path} are not valid", hint: "seconds 0 or more; a path starting with '/'");
                }
                var probe = path is null ? AddressProbe.Tcp(TimeSpan.FromSeconds(2)) : AddressProbe.Http(path, TimeSpan.FromSeconds(2));
                var waited = await new ServerDrain(client, TimeProvider.System).EnableAfterHealthyAsync(be, srv, probe,
                    new DrainOptions { Timeout = TimeSpan.FromSeconds(seconds) }, cancel);
                state += $" once {before.Address}:{before.Port} answered ({waited.TotalSeconds:0.0} s)";
            }
            else
            {
                await client.SetStateAsync(be, srv, mode, cancel);
            }
            output.WriteLine($"{be}/{srv}: {state} (admin state before: {before.AdminStateText})");
            return 0;
        }, cancel));
        return command;
    }

    private static Command ShowStat(Reach reach)
    {
        var backend = Backend(required: false);
        var command = new Command("show-stat", "Show status, sessions and queue of every frontend, backend and server (or one backend's).")
        {
            backend,
        };
        command.SetAction((parse, cancel) => reach.RunAsync(parse, async (client, output) =>
        {
            output.Write(HaproxyTables.Stats(await client.ShowStatAsync(parse.GetValue(backend), cancel)));
            return 0;
        }, cancel));
        return command;
    }

    private static Command Completion()
    {
        var shell = new Argument<string>("shell") { Description = "bash" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print a bash completion script (subcommands, backends and servers).") { shell };
        command.SetAction(parse => parse.InvocationConfiguration.Output.Write(BashCompletion.Script));
        return command;
    }

    /// <summary>Where HAProxy is: the options every subcommand shares, and the one place that connects and maps errors.</summary>
    private sealed class Reach
    {
        public Option<string?> Socket { get; } = new("--socket")
        {
            Description = $"admin socket: a Unix socket path or host:port (default {DefaultSocket}, or the inventory's haproxy.socket)",
            Recursive = true,
        };

        public Option<FileInfo?> Inventory { get; } = new("--inventory", "-i")
        {
            Description = "the cluster's inventory.yaml, to reach HAProxy on --node over SSH",
            Recursive = true,
        };

        public Option<string?> Node { get; } = new("--node") { Description = "the inventory node running HAProxy", Recursive = true };

        /// <summary>Reaches the socket the options name, runs one operation, and turns HAProxy errors into exit codes.</summary>
        public async Task<int> RunAsync(ParseResult parse, Func<HaproxyClient, TextWriter, Task<int>> operation, CancellationToken cancel)
        {
            var (file, node, socket) = (parse.GetValue(Inventory), parse.GetValue(Node), parse.GetValue(Socket));
            if ((file is null) != (node is null))
            {
                throw new InputException("--inventory and --node go together", hint: "give both to reach HAProxy on a node, or neither to use --socket here");
            }
            ITransport? transport = null;
            try
            {
                IAdminSocket admin;
                if (file is not null)
                {
                    var cluster = InventoryLoader.Load(file.FullName);
                    var target = cluster.Find(node!) ?? throw new InputException($"node '{node}' is not in {file.FullName}",
                        hint: "its nodes are: " + string.Join(", ", cluster.Nodes.Select(n => n.Name)));
                    transport = new OpenSshTransport(cluster.Ssh, ClusterObservations.SshOptions(parse));
                    admin = new NodeAdminSocket(transport.ShellFor(target), AdminSocketAddress.Parse(socket ?? cluster.Haproxy.Socket), cluster.Ssh.Sudo);
                }
                else
                {
                    admin = new LocalAdminSocket(AdminSocketAddress.Parse(socket ?? DefaultSocket));
                }
                return await operation(new HaproxyClient(admin), parse.InvocationConfiguration.Output);
            }
            catch (HaproxyException unknown) when (unknown is UnknownBackendException or UnknownServerException)
            {
                throw new InputException(unknown.Message);
            }
            catch (HaproxyException failed)
            {
                parse.InvocationConfiguration.Error.WriteLine($"uplift: {failed.Message}");
                return UpliftCommandLine.Failed;
            }
            finally
            {
                if (transport is not null)
                {
                    await transport.DisposeAsync();
                }
            }
        }
    }
}
