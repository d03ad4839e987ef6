using Uplift.Transports;

namespace Uplift.Tests.Backup;

/// <summary>
/// Wraps a shell and keeps every command with its result: each is one round trip to the node (one SSH command on a
/// real one). Can run something between two commands, to change the server while a backup is under way.
/// </summary>
public sealed class CountingShell(IRemoteShell inner) : IRemoteShell
{
    private readonly List<(RemoteCommand Command, CommandResult Result)> _runs = [];

    public string Node => inner.Node;

    /// <summary>Runs after the command of this number (1 for the first) returned.</summary>
    public (int After, Func<Task> Action)? Between { get; set; }

    public IReadOnlyList<(RemoteCommand Command, CommandResult Result)> Runs
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs];
            }
        }
    }

    public int Commands => Runs.Count;

    /// <summary>mysql and mysqldump starts written in the commands run (parts after a failed one included).</summary>
    public int ClientStarts => Runs.Sum(r => Occurrences(r.Command.Script, "mysql --defaults-extra-file=") + Occurrences(r.Command.Script, "mysqldump --defaults-extra-file="));

    /// <summary>Everything that went to or came from the node, to look for secrets in.</summary>
    public IEnumerable<string> Texts => Runs.SelectMany(r => new[] { r.Command.Script, r.Command.StandardInput ?? "", r.Result.StandardOutput, r.Result.StandardError });

    public void Reset()
    {
        lock (_runs)
        {
            _runs.Clear();
        }
    }

    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        var result = await inner.RunAsync(command, cancellationToken);
        int count;
        lock (_runs)
        {
            _runs.Add((command, result));
            count = _runs.Count;
        }
        if (Between is { } between && between.After == count)
        {
            await between.Action();
        }
        return result;
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
