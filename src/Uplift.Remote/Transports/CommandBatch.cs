using System.Text;

namespace Uplift.Transports;

/// <summary>
/// Several commands for one node sent as one script, so they cost one SSH round trip instead of one each (an action
/// and the query that checks it; two read-only queries), then told apart again. Each part runs in its own subshell
/// (an <c>exit</c> or <c>exec</c> in it ends only that part); after each, a line with a marker and the part's exit code
/// goes to stdout and a marker line to stderr, and both streams are cut there. With a guard, the first part is a guard's
/// query whose output the node judges itself (<see cref="DoneWhen"/>): the rest runs only when it shows the work not
/// done, so guard, action and the action's checks cost one round trip. Pure: builds and splits text.
/// </summary>
public sealed class CommandBatch
{
    private readonly string _marker;

    /// <param name="parts">The commands, in order.</param>
    /// <param name="stopAfterFailure">Run a part only if the one before exited 0 (an action, then its check).</param>
    /// <param name="token">Makes the marker unlike anything a command prints; random unless given (tests).</param>
    /// <param name="guard">When the first part's result shows the work done: the batch ends after it. A guarded batch
    /// also stops after a failed part (an action, then its checks).</param>
    public CommandBatch(IReadOnlyList<string> parts, bool stopAfterFailure, string? token = null, DoneWhen? guard = null)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one command", nameof(parts));
        }
        Parts = parts;
        StopAfterFailure = stopAfterFailure || guard is not null;
        Guard = guard;
        _marker = EndMarkers.Token(MarkerPrefix, token);
    }

    public IReadOnlyList<string> Parts { get; }

    public bool StopAfterFailure { get; }

    /// <summary>What the first part, a guard's query, gives when the work is done; the batch then ends after it.</summary>
    public DoneWhen? Guard { get; }

    private const string MarkerPrefix = "@uplift-part-end-";
    // What follows a part up to its quoted marker token: the subshell's end, then the start of EndMarkers.Shell.
    private static readonly string PartEnd = "\n); r=$?; " + EndMarkers.Shell("'\u0001")[..EndMarkers.Shell("'\u0001").IndexOf('\u0001', StringComparison.Ordinal)];
    private const string StopCheck = "; [ \"$r\" -eq 0 ] || exit \"$r\"";
    private const string End = "\nexit \"$r\"";
    // A guard's query runs in a command substitution, its output kept in $g (the x keeps its final newlines) and printed.
    private const string GuardStart = "g=$( ( ";
    private const string GuardEnd = "\n); r=$?; printf x; exit \"$r\" ); r=$?; g=${g%x}; printf '%s' \"$g\"; ";
    private const string IfDone = "; if ";
    private const string ThenEnd = "; then exit \"$r\"; fi";

    /// <summary>The one script that runs every part.</summary>
    public string Script => string.Join("\n", Parts.Select((part, i) => i == 0 && Guard is not null
        ? $"{GuardStart}{part}{GuardEnd}{EndMarkers.Shell($"'{_marker}'")}{IfDone}{Guard.ShellTest}{ThenEnd}"
        : $"( {part}\n); r=$?; {EndMarkers.Shell($"'{_marker}'")}" + (StopAfterFailure && i < Parts.Count - 1 ? StopCheck : ""))) + End;

    /// <summary>Reads a batch's <see cref="Script"/> back into its parts (fake nodes in tests read what they were sent); null
    /// for a script that is not a batch.</summary>
    public static CommandBatch? Parse(string script)
    {
        if (!script.EndsWith(End, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = new List<string>();
        string? token = null;
        var stops = false;
        var at = 0;
        DoneWhen? guard = null;
        if (script.StartsWith(GuardStart, StringComparison.Ordinal))
        {
            var queryEnd = script.IndexOf(GuardEnd, StringComparison.Ordinal);
            var testAt = queryEnd < 0 ? -1 : script.IndexOf(IfDone, queryEnd, StringComparison.Ordinal);
            var testEnd = testAt < 0 ? -1 : script.IndexOf(ThenEnd + "\n", testAt, StringComparison.Ordinal);
            if (testEnd < 0 || DoneWhen.Parse(script[(testAt + IfDone.Length)..testEnd]) is not { } done)
            {
                return null;
            }
            var tokenAt = script.IndexOf("'" + MarkerPrefix, queryEnd, StringComparison.Ordinal) + 1 + MarkerPrefix.Length;
            parts.Add(script[GuardStart.Length..queryEnd]);
            token = script[tokenAt..script.IndexOf('\'', tokenAt)];
            guard = done;
            at = testEnd + ThenEnd.Length + 1;
        }
        else if (!script.StartsWith("( ", StringComparison.Ordinal))
        {
            return null;
        }
        while (at < script.Length - End.Length)
        {
            var end = script.IndexOf(PartEnd, at, StringComparison.Ordinal);
            var quote = end < 0 ? -1 : script.IndexOf('\'', end + PartEnd.Length);
            var lineEnd = quote < 0 ? -1 : script.IndexOf('\n', quote);
            if (!script.AsSpan(at).StartsWith("( ") || lineEnd < 0)
            {
                return null;
            }
            parts.Add(script[(at + 2)..end]);
            token = script[(end + PartEnd.Length + MarkerPrefix.Length)..quote];
            stops |= script[at..lineEnd].EndsWith(StopCheck, StringComparison.Ordinal);
            at = lineEnd + 1;
        }
        return token is null ? null : new CommandBatch(parts, stops, token, guard);
    }

    /// <summary>What the node prints for the batch when its parts give these results (the inverse of <see cref="Split"/>).</summary>
    public CommandResult Join(IReadOnlyList<CommandResult> results) => new(
        results.Count == 0 ? 0 : results[^1].ExitCode,
        string.Concat(results.Select(r => r.StandardOutput + EndMarkers.Stdout(_marker, r.ExitCode))),
        string.Concat(results.Select(r => r.StandardError + EndMarkers.Stderr(_marker))),
        results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed));

    /// <summary>
    /// Each part's own result (its elapsed time is the batch's), for the parts that ran to their end (a part after a failed one, with
    /// <see cref="StopAfterFailure"/>, did not run; nor did any after a lost connection or a timeout).
    /// </summary>
    /// <exception cref="FormatException">The output holds a marker line that is not the batch's.</exception>
    public IReadOnlyList<CommandResult> Split(CommandResult whole)
    {
        var output = Encoding.UTF8.GetBytes(whole.StandardOutput);
        var error = Encoding.UTF8.GetBytes(whole.StandardError);
        var results = new List<CommandResult>();
        var (outFrom, errorFrom) = (0, 0);
        while (results.Count < Parts.Count && EndMarkers.FindStdoutEnd(output, _marker, outFrom) is var (textEnd, exitCode, end))
        {
            var errorText = "";
            if (EndMarkers.FindStderrEnd(error, _marker, errorFrom) is { } errorEnd)
            {
                errorText = Encoding.UTF8.GetString(error, errorFrom, errorEnd - errorFrom);
                errorFrom = EndMarkers.StderrMarkerEnd(errorEnd, _marker);
            }
            results.Add(new CommandResult(exitCode, Encoding.UTF8.GetString(output, outFrom, textEnd - outFrom), errorText, whole.Elapsed));
            outFrom = end;
        }
        return results;
    }
}
