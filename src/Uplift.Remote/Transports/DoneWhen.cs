using System.Globalization;

namespace Uplift.Transports;

/// <summary>
/// What a guard's query gives when a step's work is done, in terms the node's shell can judge as well as Uplift, so a
/// batch runs the action only where the guard did not find it done, in the round trip that read the guard
/// (<see cref="CommandBatch"/> with a guard). Done means: the query's exit code is one of <see cref="ExitCodes"/>, and
/// its non-blank lines, spaces and tabs trimmed (what <c>read</c> leaves of a line), are as many as
/// <see cref="Lines"/>, each one of the words given for its place. Pure.
/// </summary>
/// <param name="ExitCodes">The exit codes the query gives when the work is done.</param>
/// <param name="Lines">For each line, the texts it may be.</param>
public sealed record DoneWhen(IReadOnlyList<int> ExitCodes, IReadOnlyList<IReadOnlyList<string>> Lines)
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Uplift's own reading of a result, the same as the shell's (<see cref="ShellTest"/>).</summary>
    public bool Matches(CommandResult result)
    {
        if (!ExitCodes.Contains(result.ExitCode))
        {
            return false;
        }
        var lines = result.StandardOutput.Split('\n').Select(l => l.Trim(Blanks)).Where(l => l.Length > 0).ToList();
        return lines.Count == Lines.Count && lines.Select((line, i) => Lines[i].Contains(line, StringComparer.Ordinal)).All(m => m);
    }

    /// <summary>The words the shell test compares lines with: a line's place (from 1), a colon, and a text it may be.</summary>
    public IReadOnlyList<string> Words =>
        [.. Lines.SelectMany((texts, i) => texts.Select(text => (i + 1).ToString(CultureInfo.InvariantCulture) + ":" + text))];

    /// <summary>
    /// A POSIX shell condition, true when the query's output (in <c>$g</c>) and exit code (in <c>$r</c>) show the work
    /// done. It sets the positional parameters to <see cref="Words"/>.
    /// </summary>
    public string ShellTest =>
        "set -- " + string.Join(' ', Words.Select(ShellWords.Quote)) + "; " + TestStart + string.Join(' ', ExitCodes) + TestMiddle +
        Lines.Count.ToString(CultureInfo.InvariantCulture) + TestEnd;

    private const string TestStart = "case \" ";
    private const string TestMiddle =
        " \" in *\" $r \"*) printf '%s\\n' \"$g\" | { i=0; while read -r l; do [ -n \"$l\" ] || continue; i=$((i+1)); m=1; " +
        "for w in \"$@\"; do [ \"$w\" = \"$i:$l\" ] && m=0; done; [ \"$m\" = 0 ] || exit 1; done; [ \"$i\" = ";
    private const string TestEnd = " ]; };; *) false;; esac";

    /// <summary>Reads a <see cref="ShellTest"/> back (fake nodes in tests judge what they were sent); null for other text.</summary>
    public static DoneWhen? Parse(string test)
    {
        var start = test.IndexOf("; " + TestStart, StringComparison.Ordinal);
        if (!test.StartsWith("set -- ", StringComparison.Ordinal) || start < 0)
        {
            return null;
        }
        var codesAt = start + 2 + TestStart.Length;
        var middle = test.IndexOf(TestMiddle, codesAt, StringComparison.Ordinal);
        if (middle < 0 || !test.EndsWith(TestEnd, StringComparison.Ordinal) ||
            ShellWords.Split(test["set -- ".Length..start]) is not { } words ||
            !int.TryParse(test[(middle + TestMiddle.Length)..^TestEnd.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }
        var codes = test[codesAt..middle].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToList();
        var lines = Enumerable.Range(1, count).Select(i => (IReadOnlyList<string>)[.. words
            .Where(w => w.StartsWith(i.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal))
            .Select(w => w[(w.IndexOf(':', StringComparison.Ordinal) + 1)..])]).ToList();
        return new DoneWhen(codes, lines);
    }
}
