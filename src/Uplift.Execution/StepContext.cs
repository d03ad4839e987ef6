using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>
/// What a handler gets for one step: the step, a shell per node, the clock, and cancellation that fires only on
/// abort (a first Ctrl-C lets running steps finish). Every command goes through <see cref="RunAsync"/>, which keeps
/// the last result for the journal.
/// </summary>
public sealed class StepContext(
    PlanStep step, Func<string, IRemoteShell> shells, TimeProvider time, Action<string> report, CancellationToken abort)
{
    private readonly Dictionary<string, object> _facts = [];
    private readonly Dictionary<string, Queue<(string Script, CommandResult Result)>> _prefetched = [];

    public PlanStep Step { get; } = step;

    public TimeProvider Time { get; } = time;

    public CancellationToken Abort { get; } = abort;

    /// <summary>The result of the last command run for this step (stored, trimmed and masked, in the journal).</summary>
    public CommandResult? LastResult { get; private set; }

    /// <summary>Notes for the journal and the progress view ("nothing to upgrade", "VIP on ctl2").</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The step's nodes; a step without nodes is a plan error for handlers that act on nodes.</summary>
    public IReadOnlyList<string> Nodes => Step.Nodes.Count > 0
        ? Step.Nodes
        : throw new StepFailedException($"step {Step.Id} ({Step.Kind}) names no node to run on: the plan is wrong, re-plan");


    /// <summary>
    /// Runs a command on a node. An unreachable node or a timeout fails the step; exit codes are the caller's.
    /// A result that <see cref="RunCheckedAsync"/> fetched right after its action (its "then") is used instead,
    /// if nothing else ran on the node since.
    /// </summary>
    public async Task<CommandResult> RunAsync(string node, string script, TimeSpan? timeout = null) =>
        (await RunAllAsync(node, [script], timeout).ConfigureAwait(false))[0];

    /// <summary>Runs read-only commands on a node in one round trip (<see cref="CommandBatch"/>), each whatever the
    /// others' exit codes; their results in order.</summary>
    public async Task<IReadOnlyList<CommandResult>> RunAllAsync(string node, IReadOnlyList<string> scripts, TimeSpan? timeout = null)
    {
        if (TakePrefetched(node, scripts) is { } prefetched)
        {
            return prefetched;
        }
        if (scripts.Count == 1)
        {
            return [Checked(node, scripts[0], await RunOnceAsync(node, scripts[0], timeout).ConfigureAwait(false))];
        }
        return await RunBatchAsync(node, new CommandBatch(scripts, stopAfterFailure: false), timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a command that must exit 0. <paramref name="then"/>: queries that check its effect, run right after it
    /// in the same round trip when it succeeded; their results serve the next <see cref="RunAsync"/> or
    /// <see cref="RunAllAsync"/> of the same commands on this node (the step's verify) without another round trip.
    /// </summary>
    public async Task<CommandResult> RunCheckedAsync(string node, string script, TimeSpan? timeout = null, IReadOnlyList<string>? then = null)
    {
        CommandResult result;
        if (then is not { Count: > 0 })
        {
            result = await RunAsync(node, script, timeout).ConfigureAwait(false);
        }
        else
        {
            _prefetched.Remove(node);
            // The checks get a minute of their own beyond the action's timeout.
            var results = await RunBatchAsync(node, new CommandBatch([script, .. then], stopAfterFailure: true),
                timeout + TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            result = results[0];
            LastResult = result;
            Prefetch(node, then, results.Skip(1));
        }
        return Succeeded(node, script, result);
    }

    /// <summary>
    /// Runs a guard's query and, on the node, unless its result shows the work done (<see cref="GuardedAction.Done"/>),
    /// the action then its checks: one round trip. When the action did not run, the guard's result serves the handler's
    /// own guard; when it ran, the checks' results serve its verify (<see cref="RunAllAsync"/>), without another round
    /// trip. True when the action ran; a failed action fails the step as <see cref="RunCheckedAsync"/> does.
    /// </summary>
    public async Task<bool> RunGuardedAsync(string node, GuardedAction guarded, TimeSpan? timeout = null)
    {
        _prefetched.Remove(node);
        var results = await RunBatchAsync(node,
            new CommandBatch([guarded.Guard, guarded.Action, .. guarded.Checks], stopAfterFailure: true, guard: guarded.Done),
            timeout + TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        if (results.Count == 1)
        {
            Prefetch(node, [guarded.Guard], results);
            LastResult = results[0];
            return false;
        }
        Prefetch(node, guarded.Checks, results.Skip(2));
        LastResult = results[1];
        Succeeded(node, guarded.Action, results[1]);
        return true;
    }

    /// <summary>Results fetched with an action, for the next commands of the step on the node: only as many as ran.</summary>
    private void Prefetch(string node, IEnumerable<string> scripts, IEnumerable<CommandResult> results)
    {
        var queue = new Queue<(string, CommandResult)>(scripts.Zip(results));
        if (queue.Count > 0)
        {
            _prefetched[node] = queue;
        }
    }

    private static CommandResult Succeeded(string node, string script, CommandResult result)
    {
        if (result.ExitCode != 0)
        {
            var error = result.StandardError.Trim();
            throw new StepFailedException(
                $"on {node}: '{FirstWords(script)}' exited {result.ExitCode}{(error.Length > 0 ? ": " + LastLine(error) : "")}", result);
        }
        return result;
    }

    private IReadOnlyList<CommandResult>? TakePrefetched(string node, IReadOnlyList<string> scripts)
    {
        if (!_prefetched.Remove(node, out var queue))
        {
            return null;
        }
        var taken = new List<CommandResult>();
        foreach (var script in scripts)
        {
            if (!queue.TryDequeue(out var next) || next.Script != script)
            {
                return null;
            }
            taken.Add(next.Result);
        }
        if (queue.Count > 0)
        {
            _prefetched[node] = queue;
        }
        LastResult = taken[^1];
        return taken;
    }

    private async Task<CommandResult> RunOnceAsync(string node, string script, TimeSpan? timeout)
    {
        Abort.ThrowIfCancellationRequested();
        var result = await shells(node).RunAsync(new RemoteCommand(script, timeout), Abort).ConfigureAwait(false);
        LastResult = result;
        return result;
    }

    private async Task<IReadOnlyList<CommandResult>> RunBatchAsync(string node, CommandBatch batch, TimeSpan? timeout)
    {
        var whole = Checked(node, batch.Parts[0], await RunOnceAsync(node, batch.Script, timeout).ConfigureAwait(false));
        IReadOnlyList<CommandResult> results;
        try
        {
            results = batch.Split(whole);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", whole);
        }
        var expected = batch.StopAfterFailure ? 1 : batch.Parts.Count;
        if (results.Count < expected)
        {
            throw new StepFailedException(
                $"on {node}: '{FirstWords(batch.Parts[results.Count])}' did not run to its end (the batch exited {whole.ExitCode})", whole);
        }
        LastResult = results[^1];
        return results;
    }

    private CommandResult Checked(string node, string script, CommandResult result)
    {
        if (result.Unreachable)
        {
            throw new StepFailedException($"{node} is unreachable: {result.StandardError.Trim()}", result);
        }
        if (result.TimedOut)
        {
            throw new StepFailedException($"on {node}: command timed out after {result.Elapsed.TotalSeconds:0} s: {FirstWords(script)}", result);
        }
        return result;
    }

    /// <summary>The node's shell itself, for adapters that speak through it (the HAProxy admin socket over socat).</summary>
    public IRemoteShell ShellFor(string node) => shells(node);

    public void Report(string message)
    {
        Notes.Add(message);
        report(message);
    }

    /// <summary>Facts a guard found that the action reuses (packages to upgrade per node), kept for this step only.</summary>
    /// <summary>What the guard learnt for the act (thread-safe: a step may look at several nodes at once).</summary>
    public T? Fact<T>(string key) where T : class
    {
        lock (_facts)
        {
            return _facts.TryGetValue(key, out var value) ? value as T : null;
        }
    }

    public void Remember(string key, object value)
    {
        lock (_facts)
        {
            _facts[key] = value;
        }
    }

    private static string FirstWords(string script) => script.Length <= 80 ? script : script[..77] + "...";

    private static string LastLine(string text) => text.Split('\n').Last(l => l.Trim().Length > 0).Trim();
}
