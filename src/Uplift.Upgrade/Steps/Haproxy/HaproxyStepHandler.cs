using Uplift.Execution;
using Uplift.Haproxy;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>
/// HAProxy steps through the admin socket of every controller's HAProxy ("haproxy-nodes"; an older plan's single
/// "haproxy-node"), reached over SSH with socat: whichever controller holds the VIP when a step runs, even one it moved to
/// during the run, its HAProxy has the server drained. Check every controller is in every HAProxy's backends; drain a
/// server until it holds no session and no queue in any of them; put it back (state ready) in each once its API
/// answered — the plan's wait-backend step comes first.
/// Each SSH command to the node costs a round trip, so what goes together goes in one connection (<see cref="AdminBatch"/>):
/// a drain reads the server's state, drains it and looks at its sessions (then looks again every second until none is
/// left); an enable reads the state, sets it ready and reads it again. Setting the state a server already has changes
/// nothing, so the state read first is the guard (<see cref="CarryOutAsync"/>): a server found drained and idle, or
/// ready, is found done, in the same round trip.
/// </summary>
public sealed class HaproxyStepHandler : IStepHandler
{
    /// <summary>The server's state read right after 'state ready', in the same connection: what the enable's verify checks.</summary>
    private const string StateAfterReady = "haproxy-state-after-ready";

    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var at = $"   # on {string.Join(", ", HaproxyDrainStep.HaproxyNodesOf(step))}";
        switch (step.Kind.Name)
        {
            case HaproxyDrainStep.Name:
                {
                    var drain = HaproxyDrainStep.Read(step);
                    return
                    [
                        $"echo 'show servers state {drain.Backend};set server {drain.Backend}/{drain.Server} state drain;show stat {drain.Backend} 4 -1' | {Socat(drain.Socket)}{at}",
                        $"echo 'show stat {drain.Backend} 4 -1' | {Socat(drain.Socket)}{at}, every second until scur + qcur = 0 (at most {drain.TimeoutSeconds} s)",
                    ];
                }
            case HaproxyEnableStep.Name:
                {
                    var enable = HaproxyEnableStep.Read(step);
                    return [$"echo 'show servers state {enable.Backend};set server {enable.Backend}/{enable.Server} state ready;show servers state {enable.Backend}' | {Socat(enable.Socket)}{at}"];
                }
            default:
                {
                    var check = CheckHaproxyBackendsStep.Read(step);
                    return [$"echo 'show servers state' | {Socat(check.Socket)}{at}   # each of: {string.Join(' ', check.Servers)}"];
                }
        }
    }

    private static string Socat(string socket) => $"socat stdio UNIX-CONNECT:{socket}";

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        switch (context.Step.Kind.Name)
        {
            case HaproxyDrainStep.Name:
                {
                    // One connection per HAProxy: the state, and the sessions that tell whether a drain found on a re-run is over.
                    var drain = HaproxyDrainStep.Read(context.Step);
                    var (backend, server) = (drain.Backend, drain.Server);
                    var done = await Task.WhenAll(drain.HaproxyNodes.Select(async node =>
                    {
                        var batch = new AdminBatch();
                        var state = batch.GetServer(backend, server);
                        var stat = batch.GetServerStat(backend, server);
                        await Guarded(node, () => Client(context, node, drain.Socket, drain.Sudo).SendAsync(batch, context.Abort)).ConfigureAwait(false);
                        return state.Value.Draining && stat.Value.IsIdle;
                    })).ConfigureAwait(false);
                    return done.All(d => d);
                }
            case HaproxyEnableStep.Name:
                {
                    var enable = HaproxyEnableStep.Read(context.Step);
                    var states = await Task.WhenAll(enable.HaproxyNodes.Select(node => StateAsync(node, enable, context))).ConfigureAwait(false);
                    return states.All(InService);
                }
            default:
                return false;
        }
    }

    public async Task ActAsync(StepContext context)
    {
        switch (context.Step.Kind.Name)
        {
            case HaproxyDrainStep.Name:
                await DrainAsync(context).ConfigureAwait(false);
                break;
            case HaproxyEnableStep.Name:
                await EnableAsync(context).ConfigureAwait(false);
                break;
            case CheckHaproxyBackendsStep.Name:
                {
                    var check = CheckHaproxyBackendsStep.Read(context.Step);
                    var pairs = check.Servers
                        .Select(pair => (Pair: pair, Backend: pair[..pair.IndexOf('/')], Server: pair[(pair.IndexOf('/') + 1)..])).ToList();
                    foreach (var node in check.HaproxyNodes)
                    {
                        var client = Client(context, node, check.Socket, check.Sudo);
                        // The backends' listings in one connection (by forties: a line must fit in HAProxy's tune.bufsize, 16 KiB by default).
                        var listings = new Dictionary<string, Batched<IReadOnlyList<ServerState>>>(StringComparer.Ordinal);
                        foreach (var backends in pairs.Select(p => p.Backend).Distinct(StringComparer.Ordinal).Chunk(40))
                        {
                            var batch = new AdminBatch();
                            foreach (var backend in backends)
                            {
                                listings[backend] = batch.ListServers(backend);
                            }
                            await Guarded(node, () => client.SendAsync(batch, context.Abort)).ConfigureAwait(false);
                        }
                        var missing = pairs.Where(p => !listings[p.Backend].Value.Any(s => s.Name == p.Server)).Select(p => p.Pair).ToList();
                        if (missing.Count > 0)
                        {
                            throw new StepFailedException(
                                $"HAProxy on {node} lacks {string.Join(", ", missing)}: these controllers could not be drained there; " +
                                "add them to the backends or fix haproxy.backend_pattern / server_pattern in the inventory");
                        }
                    }
                    break;
                }
            default:
                throw new StepFailedException($"step {context.Step.Id}: {context.Step.Kind} is not a HAProxy step");
        }
    }

    /// <summary>A drain or an enable with its guard in the same connection: the state read before setting it tells
    /// whether the server was drained and idle, or ready, already in every HAProxy (found done: setting it again changed
    /// nothing). The backends' check is its guard, act and verify as any step's.</summary>
    public async Task<bool> CarryOutAsync(StepContext context)
    {
        switch (context.Step.Kind.Name)
        {
            case HaproxyDrainStep.Name:
                return (await DrainAsync(context).ConfigureAwait(false)).All(FoundDrained);
            case HaproxyEnableStep.Name:
                if ((await EnableAsync(context).ConfigureAwait(false)).All(InService))
                {
                    return true;
                }
                await VerifyAsync(context).ConfigureAwait(false);
                return false;
            default:
                return await IStepHandler.GuardActVerifyAsync(this, context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a drain found its work done: the server was already in forced drain, in no maintenance, and idle at the
    /// first look. Setting drain again then changed nothing; an inherited drain became forced, and a maintenance ended
    /// (HAProxy's <c>set server … state drain</c> clears the forced one: RealHaproxyTests), so those were changes.
    /// </summary>
    public static bool FoundDrained(DrainOutcome outcome) =>
        (outcome.PreviousAdminState & ServerAdminState.ForcedDrain) != 0 && (outcome.PreviousAdminState & ServerState.Maintenance) == 0 &&
        outcome.Drained && outcome.Polls == 1;

    /// <summary>Every HAProxy at once: the server is out of each before any waits for its sessions to end.</summary>
    private static async Task<IReadOnlyList<DrainOutcome>> DrainAsync(StepContext context)
    {
        var step = HaproxyDrainStep.Read(context.Step);
        var (backend, server) = (step.Backend, step.Server);
        var timeout = TimeSpan.FromSeconds(step.TimeoutSeconds);
        var options = new DrainOptions { Timeout = timeout };
        var outcomes = await Task.WhenAll(step.HaproxyNodes.Select(async node => (Node: node, Outcome: await Guarded(node, () =>
            new ServerDrain(Client(context, node, step.Socket, step.Sudo), context.Time).DrainAsync(backend, server, options, context.Abort))
            .ConfigureAwait(false)))).ConfigureAwait(false);
        if (outcomes.FirstOrDefault(o => o.Outcome.TimedOut) is { Node: not null } late)
        {
            throw new StepFailedException(
                $"{backend}/{server} still had {late.Outcome.Last.SessionsCurrent ?? 0} sessions and {late.Outcome.Last.QueueCurrent ?? 0} queued " +
                $"in the HAProxy of {late.Node} after {timeout.TotalSeconds:0} s of draining; it stays in drain until the cleanup step puts it back " +
                "(raise haproxy.drain_timeout in the inventory for long requests)");
        }
        context.Report($"{backend}/{server} drained in {outcomes.Max(o => o.Outcome.Elapsed).TotalSeconds:0.#} s ({HaproxyOf(outcomes.Select(o => o.Node))})");
        return [.. outcomes.Select(o => o.Outcome)];
    }

    /// <summary>In each HAProxy, one connection: the state, 'state ready', the state again (what the verify checks).
    /// Returns the states read before.</summary>
    private static async Task<IReadOnlyList<ServerState>> EnableAsync(StepContext context)
    {
        var enable = HaproxyEnableStep.Read(context.Step);
        return await Task.WhenAll(enable.HaproxyNodes.Select(async node =>
        {
            var batch = new AdminBatch();
            var before = batch.GetServer(enable.Backend, enable.Server);
            batch.SetState(enable.Backend, enable.Server, ServerMode.Ready);
            var after = batch.GetServer(enable.Backend, enable.Server);
            await Guarded(node, () => Client(context, node, enable.Socket, enable.Sudo).SendAsync(batch, context.Abort)).ConfigureAwait(false);
            context.Remember(StateAfterReady + node, after.Value);
            return before.Value;
        })).ConfigureAwait(false);
    }

    /// <summary>An enabled server counts as back once HAProxy's own health checks see it up, not only once it is
    /// "ready" (<see cref="ServerDrain.WaitUntilSeenUpAsync"/>), for at most the step's timeout.</summary>
    public async Task VerifyAsync(StepContext context)
    {
        if (context.Step.Kind == HaproxyEnableStep.Kind)
        {
            var enable = HaproxyEnableStep.Read(context.Step);
            var (backend, server) = (enable.Backend, enable.Server);
            var limit = TimeSpan.FromSeconds(HaproxyDrainStep.DefaultTimeoutSeconds);
            await Task.WhenAll(enable.HaproxyNodes.Select(async node =>
            {
                var state = context.Fact<ServerState>(StateAfterReady + node) ?? await StateAsync(node, enable, context).ConfigureAwait(false);
                if (!InService(state))
                {
                    throw new StepFailedException($"{backend}/{server} is still {state.AdminStateText} in the HAProxy of {node} after 'state ready'");
                }
                var (last, seen) = await Guarded(node, () => new ServerDrain(Client(context, node, enable.Socket, enable.Sudo), context.Time)
                    .WaitUntilSeenUpAsync(backend, server, state, new DrainOptions { Timeout = limit }, context.Abort)).ConfigureAwait(false);
                if (!seen)
                {
                    throw new StepFailedException(
                        $"{backend}/{server} is back in rotation but the health checks of {node}'s HAProxy still see it {last.OperationalState.ToString().ToLowerInvariant()} " +
                        $"after {limit.TotalSeconds:0} s: HAProxy sends it nothing; look at the service on {server} and at the check in haproxy.cfg, then `uplift resume`");
                }
            })).ConfigureAwait(false);
        }
    }

    /// <summary>The controllers whose HAProxy the step acts on.</summary>
    private static IReadOnlyList<string> Nodes(PlanStep step) => HaproxyDrainStep.HaproxyNodesOf(step);

    private static string HaproxyOf(IEnumerable<string> nodes) => $"HAProxy of {string.Join(", ", nodes)}";

    private static HaproxyClient Client(StepContext context, string node, string socket, bool sudo) =>
        new(new NodeAdminSocket(context.ShellFor(node), AdminSocketAddress.Parse(socket), sudo));

    private static Task<ServerState> StateAsync(string node, HaproxyEnableStep enable, StepContext context) =>
        Guarded(node, () => Client(context, node, enable.Socket, enable.Sudo).GetServerAsync(enable.Backend, enable.Server, context.Abort));

    /// <summary>Taking traffic again: neither draining nor in maintenance.</summary>
    private static bool InService(ServerState state) => !state.Draining && !state.InMaintenance;

    /// <summary>HAProxy's own errors (unknown backend or server, permission, unreachable socket) fail the step with its
    /// text and the controller whose HAProxy said it.</summary>
    private static async Task<T> Guarded<T>(string node, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HaproxyException error)
        {
            throw new StepFailedException($"HAProxy on {node}: {error.Message}");
        }
    }

    private static async Task Guarded(string node, Func<Task> call) => await Guarded(node, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);
}
