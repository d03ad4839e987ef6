namespace Uplift.Transports;

/// <summary>Runs commands on this machine, wrapped like remote ones (same timeout and process-group kill).</summary>
internal sealed class LocalShell(string node, TimeProvider time, TimeSpan defaultTimeout) : IRemoteShell
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    public string Node => node;

    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        var timeout = command.Timeout ?? defaultTimeout;
        var line = RemoteScript.Wrap(command, timeout);
        var outcome = await ChildProcess.RunAsync(
            "/bin/sh", ["-c", line], command.StandardInput, timeout + RemoteScript.KillAfter + Slack, time, cancellationToken,
            ownSession: true);
        var (error, _) = RemoteScript.TakeMarker(outcome.StandardError);
        return new CommandResult(
            outcome.Killed ? 124 : outcome.ExitCode, outcome.StandardOutput, error, outcome.Elapsed,
            TimedOut: outcome.Killed || RemoteScript.EndedByTimeout(outcome.ExitCode, error));
    }
}
