using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// The mysql/mysqldump clients on one node, reached through its shell. Turns failed commands into
/// <see cref="BackupException"/>s that name the node and what was being done.
/// </summary>
/// <param name="Timeout">Limit for each command (a large schema's dump or restore takes a while).</param>
public sealed class DatabaseNode(IRemoteShell shell, DatabaseCommandLines commands, bool sudo = false, TimeSpan? timeout = null)
{
    public string Name => shell.Node;

    public DatabaseCommandLines Commands => commands;

    /// <summary>Runs SQL through mysql --batch and returns what it printed.</summary>
    public async Task<string> QueryAsync(string sql, string doing, CancellationToken cancellationToken = default) =>
        (await RunAsync(commands.Query(), doing, sql, cancellationToken)).StandardOutput;

    /// <summary>Runs a shell script; throws <see cref="BackupException"/> unless it exits 0.</summary>
    public async Task<CommandResult> RunAsync(
        string script, string doing, string? standardInput = null, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(script, standardInput, cancellationToken);
        if (!result.Succeeded)
        {
            throw new BackupException($"{doing} on {Name} failed: {Describe(result)}");
        }
        return result;
    }

    /// <summary>Runs a shell script and returns its result whatever the exit code.</summary>
    public Task<CommandResult> TryRunAsync(string script, string? standardInput = null, CancellationToken cancellationToken = default) =>
        shell.RunAsync(new RemoteCommand(script, timeout, standardInput, sudo), cancellationToken);

    public static string Describe(CommandResult result)
    {
        if (result.Unreachable)
        {
            return "node unreachable (check SSH settings and that the node is up)";
        }
        if (result.TimedOut)
        {
            return $"timed out after {result.Elapsed:g}";
        }
        var said = (result.StandardError.Trim().Length > 0 ? result.StandardError : result.StandardOutput).Trim();
        if (said.Length > 600)
        {
            said = said[..600] + " …";
        }
        return $"exit {result.ExitCode}" + (said.Length > 0 ? $": {said}" : "");
    }
}
