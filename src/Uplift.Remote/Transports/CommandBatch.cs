using System.Globalization;

namespace Uplift.Transports;

/// <summary>
/// Several commands for one node sent as one script, so they cost one SSH round trip instead of one each (an action
/// and the query that checks it; two read-only queries), then told apart again. Each part runs in its own subshell
/// (an <c>exit</c> or <c>exec</c> in it ends only that part); after each, a line with a marker and the part's exit code
/// goes to stdout and a marker line to stderr, and both streams are cut there. Pure: builds and splits text.
/// </summary>
public sealed class CommandBatch
{
    private readonly string _marker;

    /// <param name="parts">The commands, in order.</param>
    /// <param name="stopAfterFailure">Run a part only if the one before exited 0 (an action, then its check).</param>
    /// <param name="token">Makes the marker unlike anything a command prints; random unless given (tests).</param>
    public CommandBatch(IReadOnlyList<string> parts, bool stopAfterFailure, string? token = null)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("a batch needs at least one command", nameof(parts));
        }
        if (token is not null && (token.Length == 0 || !token.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"batch token '{token}' must be letters and digits", nameof(token));
        }
        Parts = parts;
        StopAfterFailure = stopAfterFailure;
        _marker = MarkerPrefix + (token ?? Guid.NewGuid().ToString("N")[..12]);
    }

    public IReadOnlyList<string> Parts { get; }

    public bool StopAfterFailure { get; }

    private const string MarkerPrefix = "@uplift-part-end-";
    private const string PartEnd = "\n); r=$?; printf '\\n%s %d\\n' '";
    private const string StopCheck = "; [ \"$r\" -eq 0 ] || exit \"$r\"";
    private const string End = "\nexit \"$r\"";

    /// <summary>The one script that runs every part.</summary>
    public string Script => string.Join("\n", Parts.Select((part, i) =>
        $"( {part}{PartEnd}{_marker}' \"$r\"; printf '\\n%s\\n' '{_marker}' >&2" +
        (StopAfterFailure && i < Parts.Count - 1 ? StopCheck : ""))) + End;

    /// <summary>Reads a batch's <see cref="Script"/> back into its parts (for fake nodes in tests, and logs); null
    /// for a script that is not a batch.</summary>
    public static CommandBatch? Parse(string script)
    {
        if (!script.StartsWith("( ", StringComparison.Ordinal) || !script.EndsWith(End, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = new List<string>();
        string? token = null;
        var stops = false;
        var at = 0;
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
        return token is null ? null : new CommandBatch(parts, stops, token);
    }

    /// <summary>What the node prints for the batch when its parts give these results (the inverse of <see cref="Split"/>).</summary>
    public CommandResult Join(IReadOnlyList<CommandResult> results) => new(
        results.Count == 0 ? 0 : results[^1].ExitCode,
        string.Concat(results.Select(r => $"{r.StandardOutput}\n{_marker} {r.ExitCode}\n")),
        string.Concat(results.Select(r => $"{r.StandardError}\n{_marker}\n")),
        results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed));

    /// <summary>
    /// Each part's own result (its elapsed time is the batch's), for the parts that ran to their end (a part after a failed one, with
    /// <see cref="StopAfterFailure"/>, did not run; nor did any after a lost connection or a timeout).
    /// </summary>
    /// <exception cref="FormatException">The output holds a marker line that is not the batch's.</exception>
    public IReadOnlyList<CommandResult> Split(CommandResult whole)
    {
        var outputs = Cut(whole.StandardOutput, withCode: true);
        var errors = Cut(whole.StandardError, withCode: false);
        var results = new List<CommandResult>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var (text, code) = outputs[i];
            results.Add(new CommandResult(code!.Value, text, i < errors.Count ? errors[i].Text : "", whole.Elapsed));
        }
        return results;
    }

    private List<(string Text, int? Code)> Cut(string stream, bool withCode)
    {
        var pieces = new List<(string, int?)>();
        var start = 0;
        var token = "\n" + _marker;
        while (pieces.Count < Parts.Count)
        {
            var at = stream.IndexOf(token, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            var lineEnd = stream.IndexOf('\n', at + token.Length);
            if (lineEnd < 0)
            {
                break;
            }
            var rest = stream[(at + token.Length)..lineEnd];
            int? code = null;
            if (withCode)
            {
                code = rest.Length > 1 && rest[0] == ' ' && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new FormatException($"batch marker line '{_marker}{rest}' carries no exit code");
            }
            pieces.Add((stream[start..at], code));
            start = lineEnd + 1;
        }
        return pieces;
    }
}
