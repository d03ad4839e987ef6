using System.Globalization;
using System.Text;

namespace Uplift.Transports;

/// <summary>
/// How a kept-open session on a node runs one command after another (pure: builds text, finds markers). The node's
/// /bin/sh runs <see cref="Loop"/>: it reads a request (a header line, then the script's lines), runs the script under
/// GNU timeout as <see cref="RemoteScript"/> does, with stdin from /dev/null, then writes a marker line with the exit
/// code on stdout and a marker line on stderr. No process is started per command but the command's own: the ssh client,
/// the node's session and login shell are paid once per session instead of once per command.
/// </summary>
public static class SessionProtocol
{
    /// <summary>The loop, for <c>exec /bin/sh -c LOOP</c> on the node. It ends at end of input (the session closed).</summary>
    public const string Loop = """
        while IFS=' ' read -r tag tok n t su; do
          [ "$tag" = UPLIFT ] || exit 2
          s=""; i=0
          while [ "$i" -lt "$n" ]; do
            IFS= read -r l || exit 3
            if [ "$i" -eq 0 ]; then s=$l; else s="$s
        $l"; fi
            i=$((i + 1))
          done
          if [ "$su" = 1 ]; then sudo -n timeout --verbose --kill-after=KILLAFTER "$t" /bin/sh -c "$s" </dev/null
          else timeout --verbose --kill-after=KILLAFTER "$t" /bin/sh -c "$s" </dev/null; fi
          rc=$?
          printf '\n%s %d\n' "$tok" "$rc"; printf '\n%s\n' "$tok" >&2
        done
        """;

    /// <summary>The line the node's login shell runs to start the loop.</summary>
    public static string Start =>
        "exec /bin/sh -c " + ShellWords.Quote(Loop.Replace("KILLAFTER", RemoteScript.Seconds(RemoteScript.KillAfter), StringComparison.Ordinal));

    /// <summary>A command's request: header (marker token, line count, timeout, sudo) and the script's lines.</summary>
    public static string Request(RemoteCommand command, TimeSpan timeout, string token)
    {
        if (command.StandardInput is not null)
        {
            throw new ArgumentException("a session command reads no standard input (it comes from /dev/null)", nameof(command));
        }
        var lines = command.Script.Split('\n');
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"UPLIFT {token} {lines.Length} {RemoteScript.Seconds(timeout)} {(command.Sudo ? 1 : 0)}\n");
        foreach (var line in lines)
        {
            request.Append(line).Append('\n');
        }
        return request.ToString();
    }

    /// <summary>Where a command's stdout ends: where its text ends (the marker line starts), the exit code in that
    /// line and where the line ends; null while the marker has not (wholly) come. The search starts at
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
        var code = Encoding.ASCII.GetString(output.Slice(codeStart, lineEnd));
        return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var exit)
            ? (at, exit, codeStart + lineEnd + 1)
            : throw new FormatException($"session marker line '{token} {code}' carries no exit code");
    }

    /// <summary>Where a command's stderr ends (the length of its text before the marker line); null while not yet.</summary>
    public static int? FindStderrEnd(ReadOnlySpan<byte> error, string token, int from = 0)
    {
        var at = Find(error, "\n" + token + "\n", from);
        return at < 0 ? null : at;
    }

    /// <summary>Where to search next time, given what has been read: far enough back for a marker cut in two.</summary>
    public static int SearchFrom(int length, string token) => Math.Max(0, length - token.Length - 16);

    private static int Find(ReadOnlySpan<byte> text, string marker, int from)
    {
        var at = text[from..].IndexOf(Encoding.ASCII.GetBytes(marker));
        return at < 0 ? -1 : from + at;
    }
}
