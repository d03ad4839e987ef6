using System.Globalization;
using System.Text;

namespace Uplift.Transports;

/// <summary>
/// How one output stream is cut where a command ended, when several commands share it (<see cref="CommandBatch"/>,
/// the kept-open sessions of <see cref="SessionProtocol"/>): after the command, a line with a token and its exit code
/// on stdout, a line with the token on stderr. The newline before each marker is the marker's own, so a command's
/// output comes back exactly, with or without a final newline. Pure.
/// </summary>
public static class EndMarkers
{
    /// <summary>A token no command prints: <paramref name="prefix"/> and 12 random hex digits, or the given letters and
    /// digits (tests).</summary>
    public static string Token(string prefix, string? fixedPart = null)
    {
        if (fixedPart is not null && (fixedPart.Length == 0 || !fixedPart.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException($"marker token '{fixedPart}' must be letters and digits", nameof(fixedPart));
        }
        return prefix + (fixedPart ?? Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>The shell that writes both markers once the command's exit code is in <c>$r</c>; <paramref name="token"/>
    /// is a shell word (quoted text or a variable).</summary>
    public static string Shell(string token) => $"printf '\\n%s %d\\n' {token} \"$r\"; printf '\\n%s\\n' {token} >&2";

    /// <summary>What <see cref="Shell"/> prints on stdout.</summary>
    public static string Stdout(string token, int exitCode) => $"\n{token} {exitCode.ToString(CultureInfo.InvariantCulture)}\n";

    /// <summary>What <see cref="Shell"/> prints on stderr.</summary>
    public static string Stderr(string token) => $"\n{token}\n";

    /// <summary>Where a command's stdout ends: where its text ends (the marker line starts), the exit code in that line
    /// and where the line ends; null while the marker has not (wholly) come. The search starts at
    /// <paramref name="from"/>: output read earlier was searched already.</summary>
    /// <exception cref="FormatException">The marker line carries no exit code.</exception>
    public static (int TextEnd, int ExitCode, int End)? FindStdoutEnd(ReadOnlySpan<byte> output, string token, int from = 0)
    {
        var at = Find(output, "\n" + token + " ", from);
        if (at < 0)
        {
            return null;
        }
        var codeStart = at + token.Length + 2;
        var lineEnd = output[codeStart..].IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            return null;
        }
        var code = Encoding.UTF8.GetString(output.Slice(codeStart, lineEnd));
        return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var exit)
            ? (at, exit, codeStart + lineEnd + 1)
            : throw new FormatException($"marker line '{token} {code}' carries no exit code");
    }

    /// <summary>Where a command's stderr ends (its marker line starts); null while not yet.</summary>
    public static int? FindStderrEnd(ReadOnlySpan<byte> error, string token, int from = 0)
    {
        var at = Find(error, Stderr(token), from);
        return at < 0 ? null : at;
    }

    /// <summary>Where the stderr marker line that starts at <paramref name="at"/> ends.</summary>
    public static int StderrMarkerEnd(int at, string token) => at + Stderr(token).Length;

    /// <summary>Where to search next time, given what has been read: far enough back for a marker cut in two.</summary>
    public static int SearchFrom(int length, string token) => Math.Max(0, length - token.Length - 16);

    private static int Find(ReadOnlySpan<byte> text, string marker, int from)
    {
        var at = text[from..].IndexOf(Encoding.UTF8.GetBytes(marker));
        return at < 0 ? -1 : from + at;
    }
}
