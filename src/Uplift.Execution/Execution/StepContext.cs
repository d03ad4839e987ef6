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

    public string Require(string argument) =>
        Step.Argument(argument) is { Length: > 0 } value
            ? value
            : throw new StepFailedException($"step {Step.Id} ({Step.Kind}) lacks its argument '{argument}': the plan is wrong, re-plan");

    /// <summary>Runs a command on a node. An unreachable node or a timeout fails the step; exit codes are the caller's.</summary>
    public async Task<CommandResult> RunAsync(string node, string script, TimeSpan? timeout = null)
    {
        Abort.ThrowIfCancellationRequested();
        var result = await shells(node).RunAsync(new RemoteCommand(script, timeout), Abort).ConfigureAwait(false);
        LastResult = result;
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

    /// <summary>Runs a command that must exit 0.</summary>
    public async Task<CommandResult> RunCheckedAsync(string node, string script, TimeSpan? timeout = null)
    {
        var result = await RunAsync(node, script, timeout).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var error = result.StandardError.Trim();
            throw new StepFailedException(
                $"on {node}: '{FirstWords(script)}' exited {result.ExitCode}{(error.Length > 0 ? ": " + LastLine(error) : "")}", result);
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
    public T? Fact<T>(string key) where T : class => _facts.TryGetValue(key, out var value) ? value as T : null;

    public void Remember(string key, object value) => _facts[key] = value;

    private static string FirstWords(string script) => script.Length <= 80 ? script : script[..77] + "...";

    private static string LastLine(string text) => text.Split('\n').Last(l => l.Trim().Length > 0).Trim();
}
