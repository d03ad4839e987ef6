using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Haproxy;

/// <summary>
/// HAProxy steps through the admin socket of the node that serves the VIP ("haproxy-node"), reached over SSH with
/// socat: check every controller is in its backends; drain a server until it holds no session and no queue;
/// put it back (state ready) once its API answered — the plan's wait-backend step comes first.
/// </summary>
public sealed class HaproxyStepHandler : IStepHandler
{
    private static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var socket = $"socat stdio UNIX-CONNECT:{step.Argument("socket")}";
        var at = $"   # on {step.Argument("haproxy-node") ?? step.Node}";
        return step.Kind switch
        {
            StepKind.HaproxyDrain =>
            [
                $"echo 'set server {step.Argument("backend")}/{step.Argument("server")} state drain' | {socket}{at}",
                $"echo 'show stat {step.Argument("backend")} 4 -1' | {socket}{at}, until scur + qcur = 0 (at most {step.Argument("timeout") ?? "60"} s)",
            ],
            StepKind.HaproxyEnable => [$"echo 'set server {step.Argument("backend")}/{step.Argument("server")} state ready' | {socket}{at}"],
            _ => [$"echo 'show servers state' | {socket}{at}   # each of: {step.Argument("servers")}"],
        };
    }

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        switch (context.Step.Kind)
        {
            case StepKind.HaproxyDrain:
                {
                    var (client, backend, server) = Target(context);
                    if (!(await StateAsync(client, backend, server, context).ConfigureAwait(false)).Draining)
                    {
                        return false;
                    }
                    var stat = await Guarded(() => client.GetServerStatAsync(backend, server, context.Abort)).ConfigureAwait(false);
                    return stat.IsIdle;
                }
            case StepKind.HaproxyEnable:
                {
                    var (client, backend, server) = Target(context);
                    return InService(await StateAsync(client, backend, server, context).ConfigureAwait(false));
                }
            default:
                return false;
        }
    }

    public async Task ActAsync(StepContext context)
    {
        switch (context.Step.Kind)
        {
            case StepKind.HaproxyDrain:
                {
                    var (client, backend, server) = Target(context);
                    var timeout = int.TryParse(context.Step.Argument("timeout"), out var seconds) ? TimeSpan.FromSeconds(seconds) : DefaultDrainTimeout;
                    var outcome = await Guarded(() => new ServerDrain(client, context.Time)
                        .DrainAsync(backend, server, new DrainOptions { Timeout = timeout }, context.Abort)).ConfigureAwait(false);
                    if (outcome.TimedOut)
                    {
                        throw new StepFailedException(
                            $"{backend}/{server} still had {outcome.Last.SessionsCurrent ?? 0} sessions and {outcome.Last.QueueCurrent ?? 0} queued " +
                            $"after {timeout.TotalSeconds:0} s of draining; it stays in drain until the cleanup step puts it back " +
                            "(raise haproxy.drain_timeout in the inventory for long requests)");
                    }
                    context.Report($"{backend}/{server} drained in {outcome.Elapsed.TotalSeconds:0.#} s");
                    break;
                }
            case StepKind.HaproxyEnable:
                {
                    var (client, backend, server) = Target(context);
                    await Guarded(() => client.SetStateAsync(backend, server, ServerMode.Ready, context.Abort)).ConfigureAwait(false);
                    break;
                }
            case StepKind.CheckHaproxyBackends:
                {
                    var client = Client(context);
                    var missing = new List<string>();
                    foreach (var pair in context.Require("servers").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var (backend, server) = (pair[..pair.IndexOf('/')], pair[(pair.IndexOf('/') + 1)..]);
                        var servers = await Guarded(() => client.ListServersAsync(backend, context.Abort)).ConfigureAwait(false);
                        if (!servers.Any(s => s.Name == server))
                        {
                            missing.Add(pair);
                        }
                    }
                    if (missing.Count > 0)
                    {
                        throw new StepFailedException(
                            $"HAProxy on {context.Require("haproxy-node")} lacks {string.Join(", ", missing)}: these controllers could not be drained; " +
                            "add them to the backends or fix haproxy.backend_pattern / server_pattern in the inventory");
                    }
                    break;
                }
            default:
                throw new StepFailedException($"step {context.Step.Id}: {context.Step.Kind} is not a HAProxy step");
        }
    }

    public async Task VerifyAsync(StepContext context)
    {
        if (context.Step.Kind == StepKind.HaproxyEnable)
        {
            var (client, backend, server) = Target(context);
            var state = await StateAsync(client, backend, server, context).ConfigureAwait(false);
            if (!InService(state))
            {
                throw new StepFailedException($"{backend}/{server} is still {state.AdminStateText} after 'state ready'");
            }
        }
    }

    private static HaproxyClient Client(StepContext context)
    {
        var node = context.Step.Argument("haproxy-node") ?? context.Nodes[0];
        return new HaproxyClient(new NodeAdminSocket(context.ShellFor(node), AdminSocketAddress.Parse(context.Require("socket")),
            sudo: context.Step.Argument("sudo") == "true"));
    }

    private static (HaproxyClient Client, string Backend, string Server) Target(StepContext context) =>
        (Client(context), context.Require("backend"), context.Require("server"));

    private static Task<ServerState> StateAsync(HaproxyClient client, string backend, string server, StepContext context) =>
        Guarded(() => client.GetServerAsync(backend, server, context.Abort));

    /// <summary>Taking traffic again: neither draining nor in maintenance.</summary>
    private static bool InService(ServerState state) => !state.Draining && !state.InMaintenance;

    /// <summary>HAProxy's own errors (unknown backend or server, permission, unreachable socket) fail the step with its text.</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HaproxyException error)
        {
            throw new StepFailedException(error.Message);
        }
    }

    private static async Task Guarded(Func<Task> call) => await Guarded(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);
}
