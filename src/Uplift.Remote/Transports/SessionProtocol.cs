using System.Globalization;
using System.Text;

namespace Uplift.Transports;

/// <summary>
/// How a kept-open session on a node runs one command after another (pure: builds text). The node's
/// /bin/sh runs <see cref="Loop"/>: it reads a request (a header line, then the script's lines), runs the script under
/// GNU timeout as <see cref="RemoteScript"/> does, with stdin from /dev/null, then writes the request's
/// <see cref="EndMarkers"/>. No process is started per command but the command's own: the ssh client,
/// the node's session and login shell are paid once per session instead of once per command.
/// </summary>
public static class SessionProtocol
{
    /// <summary>The loop (KILLAFTER and MARKERS filled in by <see cref="Start"/>). It ends at end of input (the session closed).</summary>
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
          r=$?
          MARKERS
        done
        """;

    /// <summary>The line the node's login shell runs to start the loop.</summary>
    public static string Start =>
        "exec /bin/sh -c " + ShellWords.Quote(Loop
            .Replace("KILLAFTER", RemoteScript.Seconds(RemoteScript.KillAfter), StringComparison.Ordinal)
            .Replace("MARKERS", EndMarkers.Shell("\"$tok\""), StringComparison.Ordinal));

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
}
