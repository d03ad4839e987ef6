using System.Collections.Concurrent;
using Uplift.Transports;

namespace Uplift.Tests.Fakes;

/// <summary>A real shell that also records what socat sends to HAProxy for each command it runs: one entry per SSH command.</summary>
internal sealed class CountingShell(IRemoteShell inner, ConcurrentQueue<string> ran) : IRemoteShell
{
    private const string Printf = "printf '%s\\n' ";

    public string Node => inner.Node;

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ran.Enqueue(command.StandardInput ?? SentToSocat(command.Script));
        return inner.RunAsync(command, cancellationToken);
    }

    /// <summary>The line NodeAdminSocket's script prints into socat: its printf argument, read back from the shell quoting.</summary>
    private static string SentToSocat(string script)
    {
        var from = script.IndexOf(Printf, StringComparison.Ordinal);
        var to = script.LastIndexOf(" | socat", StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            return "";
        }
        var word = script[(from + Printf.Length)..to];
        return (word.StartsWith('\'') ? word[1..^1].Replace("'\\''", "'", StringComparison.Ordinal) : word) + "\n";
    }
}
