using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// The mysql/mysqldump clients on one node, reached through its shell. Turns failed commands into
/// <see cref="BackupException"/>s that name the node and what was being done. Each command is a round trip (an SSH
/// command, and its wrapper processes, on a real node): several go as one <see cref="CommandBatch"/>, and several
/// statements as one mysql start, each still failing with its own message.
/// </summary>
/// <param name="Timeout">Limit for each command (a large schema's dump or restore takes a while).</param>
public sealed class DatabaseNode(IRemoteShell shell, DatabaseCommandLines commands, bool sudo = false, TimeSpan? timeout = null)
{
    public string Name => shell.Node;

    public DatabaseCommandLines Commands => commands;

    /// <summary>Runs SQL through mysql --batch and returns what it printed.</summary>
    public async Task<string> QueryAsync(string sql, string doing, CancellationToken cancellationToken = default) =>
        (await RunAsync(commands.Query(), doing, sql, cancellationToken)).StandardOutput;

    /// <summary>
    /// Runs several statements in one mysql client start and returns what each printed; when one fails, throws
    /// naming what it was doing (<paramref name="statements"/>' second item) as <see cref="QueryAsync"/> would.
    /// </summary>
    public async Task<IReadOnlyList<string>> QueryAsync(
        IReadOnlyList<(string Sql, string Doing)> statements, CancellationToken cancellationToken = default)
    {
        var batch = new StatementBatch([.. statements.Select(s => s.Sql)]);
        var result = await TryRunAsync(commands.Query(), batch.Sql, cancellationToken);
        var outputs = batch.Split(result.StandardOutput);
        if (!result.Succeeded || outputs.Count < statements.Count)
        {
            var failed = statements[Math.Min(outputs.Count, statements.Count - 1)].Doing;
            throw new BackupException($"{failed} on {Name} failed: {Describe(result)}");
        }
        return outputs;
    }

    /// <summary>
    /// Runs the scripts as one command batch (one round trip), each only if the one before succeeded; throws for
    /// the first that fails, with the message <see cref="RunAsync(string, string, string?, CancellationToken)"/>
    /// gives for it alone (its "doing", its own exit code and output).
    /// </summary>
    public async Task<IReadOnlyList<CommandResult>> RunAsync(
        IReadOnlyList<(string Script, string Doing)> steps, CancellationToken cancellationToken = default)
    {
        var batch = new CommandBatch([.. steps.Select(s => s.Script)], stopAfterFailure: true);
        var results = PartsOf(batch, await TryRunAsync(batch.Script, null, cancellationToken));
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Succeeded)
            {
                throw new BackupException($"{steps[i].Doing} on {Name} failed: {Describe(results[i])}");
            }
        }
        return results;
    }

    /// <summary>
    /// One result for each part of <paramref name="batch"/>. A part that did not run to its end (stopped after a
    /// failure, cut by a timeout or a lost connection) never counts as succeeded: it carries the batch's exit code,
    /// timeout and reachability and what was printed after the last finished part.
    /// </summary>
    public IReadOnlyList<CommandResult> PartsOf(CommandBatch batch, CommandResult whole)
    {
        IReadOnlyList<CommandResult> finished;
        try
        {
            finished = batch.Split(whole);
        }
        catch (FormatException e)
        {
            throw new BackupException($"the output of a command batch on {Name} cannot be read: {e.Message}");
        }
        if (finished.Count == batch.Parts.Count)
        {
            return finished;
        }
        var joined = batch.Join(finished);
        var output = After(whole.StandardOutput, joined.StandardOutput);
        var error = After(whole.StandardError, joined.StandardError);
        var unfinished = new CommandResult(
            whole.ExitCode == 0 ? 1 : whole.ExitCode,
            output,
            (output + error).Trim().Length > 0 || whole.TimedOut || whole.Unreachable ? error : "ended before this command finished",
            whole.Elapsed, whole.TimedOut, whole.Unreachable);
        return [.. finished, .. Enumerable.Repeat(unfinished, batch.Parts.Count - finished.Count)];
    }

    private static string After(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

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
