using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Haproxy;

/// <summary>
/// HAProxy steps through the admin socket of the node that serves the VIP ("haproxy-node"), reached over SSH with
/// socat: check every controller is in its backends; drain a server until it holds no session and no queue;
/// put it back (state ready) once its API answered — the plan's wait-backend step comes first.
/// Each SSH command to the node costs a round trip, so what goes together goes in one connection (<see cref="AdminBatch"/>):
/// a drain is its guard (the server's state and sessions) and its act (drain, first look at the sessions, then a look a
/// second until none is left); an enable is its guard (the state) and its act (ready, and the state that verifies it).
/// </summary>
public sealed class HaproxyStepHandler : IStepHandler
{
    private static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The server's state as a drain's guard read it: the state before the drain, which the act need not read again.</summary>
    private const string StateBeforeDrain = "haproxy-state-before-drain";

    /// <summary>The server's state read right after 'state ready', in the same connection: what the enable's verify checks.</summary>
    private const string StateAfterReady = "haproxy-state-after-ready";

    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var socket = $"socat stdio UNIX-CONNECT:{step.Argument("socket")}";
        var at = $"   # on {step.Argument("haproxy-node") ?? step.Node}";
        return step.Kind switch
        {
            StepKind.HaproxyDrain =>
            [
                $"echo 'set server {step.Argument("backend")}/{step.Argument("server")} state drain;show stat {step.Argument("backend")} 4 -1' | {socket}{at}",
                $"echo 'show stat {step.Argument("backend")} 4 -1' | {socket}{at}, every second until scur + qcur = 0 (at most {step.Argument("timeout") ?? "60"} s)",
            ],
            StepKind.HaproxyEnable =>
                [$"echo 'set server {step.Argument("backend")}/{step.Argument("server")} state ready;show servers state {step.Argument("backend")}' | {socket}{at}"],
            _ => [$"echo 'show servers state' | {socket}{at}   # each of: {step.Argument("servers")}"],
        };
    }

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        switch (context.Step.Kind)
        {
            case StepKind.HaproxyDrain:
                {
                    // One connection: the state, and the sessions that tell whether a drain found on a re-run is over.
                    var (client, backend, server) = Target(context);
                    var batch = new AdminBatch();
                    var state = batch.GetServer(backend, server);
                    var stat = batch.GetServerStat(backend, server);
                    await Guarded(() => client.SendAsync(batch, context.Abort)).ConfigureAwait(false);
                    context.Remember(StateBeforeDrain, state.Value);
                    return state.Value.Draining && stat.Value.IsIdle;
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
                    var drain = new ServerDrain(client, context.Time);
                    var options = new DrainOptions { Timeout = timeout };
                    var before = context.Fact<ServerState>(StateBeforeDrain);
                    var outcome = await Guarded(() => before is null
                        ? drain.DrainAsync(backend, server, options, context.Abort)
                        : drain.DrainAsync(backend, server, before, options, context.Abort)).ConfigureAwait(false);
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
                    var batch = new AdminBatch();
                    batch.SetState(backend, server, ServerMode.Ready);
                    var after = batch.GetServer(backend, server);
                    await Guarded(() => client.SendAsync(batch, context.Abort)).ConfigureAwait(false);
                    context.Remember(StateAfterReady, after.Value);
                    break;
                }
            case StepKind.CheckHaproxyBackends:
                {
                    var client = Client(context);
                    var pairs = context.Require("servers").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(pair => (Pair: pair, Backend: pair[..pair.IndexOf('/')], Server: pair[(pair.IndexOf('/') + 1)..])).ToList();
                    // The backends' listings in one connection (by forties: a line must fit in HAProxy's tune.bufsize, 16 KiB by default).
                    var listings = new Dictionary<string, Batched<IReadOnlyList<ServerState>>>(StringComparer.Ordinal);
                    foreach (var backends in pairs.Select(p => p.Backend).Distinct(StringComparer.Ordinal).Chunk(40))
                    {
                        var batch = new AdminBatch();
                        foreach (var backend in backends)
                        {
                            listings[backend] = batch.ListServers(backend);
                        }
                        await Guarded(() => client.SendAsync(batch, context.Abort)).ConfigureAwait(false);
                    }
                    var missing = pairs.Where(p => !listings[p.Backend].Value.Any(s => s.Name == p.Server)).Select(p => p.Pair).ToList();
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

    /// <summary>An enabled server counts as back once HAProxy's own health checks see it up, not only once it is
    /// "ready" (<see cref="ServerDrain.WaitUntilSeenUpAsync"/>), for at most the step's timeout.</summary>
    public async Task VerifyAsync(StepContext context)
    {
        if (context.Step.Kind == StepKind.HaproxyEnable)
        {
            var (client, backend, server) = Target(context);
            var state = context.Fact<ServerState>(StateAfterReady) ?? await StateAsync(client, backend, server, context).ConfigureAwait(false);
            if (!InService(state))
            {
                throw new StepFailedException($"{backend}/{server} is still {state.AdminStateText} after 'state ready'");
            }
            var limit = int.TryParse(context.Step.Argument("timeout"), out var seconds) ? TimeSpan.FromSeconds(seconds) : DefaultDrainTimeout;
            var (last, seen) = await Guarded(() => new ServerDrain(client, context.Time)
                .WaitUntilSeenUpAsync(backend, server, state, new DrainOptions { Timeout = limit }, context.Abort)).ConfigureAwait(false);
            if (!seen)
            {
                throw new StepFailedException(
                    $"{backend}/{server} is back in rotation but HAProxy's health checks still see it {last.OperationalState.ToString().ToLowerInvariant()} " +
                    $"after {limit.TotalSeconds:0} s: HAProxy sends it nothing; look at the service on {server} and at the check in haproxy.cfg, then `uplift resume`");
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
