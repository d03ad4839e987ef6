using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>Runs commands on one node with the ssh client over the node's master connection.</summary>
internal sealed class OpenSshShell(
    string node, SshDestination destination, SshSettings settings, OpenSshOptions options, string controlPath, TimeProvider time)
    : IRemoteShell
{
    // Beyond timeout's own kill-after: the time for ssh to connect and carry the end of the output back.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _firstConnection = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<NodeSession> _idle = [];
    private int _sessions;
    private volatile bool _connected;

    public string Node => node;

    public SshDestination Destination => destination;

    public string ControlPath => controlPath;

    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        if (_connected)
        {
            return await RunOnceAsync(command, cancellationToken);
        }
        // The first command opens the master; commands that arrive meanwhile wait for it rather than each
        // opening a connection of its own.
        await _firstConnection.WaitAsync(cancellationToken);
        try
        {
            var result = await RunOnceAsync(command, cancellationToken);
            _connected = !result.Unreachable;
            return result;
        }
        finally
        {
            _firstConnection.Release();
        }
    }

    /// <summary>Whether the master connection is up (<c>ssh -O check</c>).</summary>
    public async Task<bool> MasterRunningAsync()
    {
        var outcome = await ChildProcess.RunAsync(
            options.Program, OpenSshArguments.ForControl(settings, options, destination, controlPath, "check"),
            null, TimeSpan.FromSeconds(10), time, CancellationToken.None);
        return outcome.ExitCode == 0;
    }

    /// <summary>Closes the kept-open sessions; the master stays.</summary>
    public async Task CloseSessionsAsync()
    {
        while (_idle.TryTake(out var session))
        {
            await DiscardAsync(session);
        }
    }

    /// <summary>Closes the sessions, then the master connection if one is open: asked in process over its socket, or with
    /// <c>ssh -O exit</c> when it does not answer there.</summary>
    public async Task CloseMasterAsync()
    {
        await CloseSessionsAsync();
        if (File.Exists(controlPath) && !(options.Multiplex && await MuxClient.TerminateAsync(controlPath, time)))
        {
            await ChildProcess.RunAsync(
                options.Program, OpenSshArguments.ForControl(settings, options, destination, controlPath, "exit"),
                null, TimeSpan.FromSeconds(10), time, CancellationToken.None);
        }
        _connected = false;
    }

    private async Task<CommandResult> RunOnceAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var timeout = command.Timeout ?? options.CommandTimeout;
        var deadline = timeout + RemoteScript.KillAfter + TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds) + Slack;
        // Once the master is up, commands without input go through a kept-open session when one is free.
        if (_connected && command.StandardInput is null && TakeSession() is { } session)
        {
            try
            {
                var (done, lost) = await session.RunAsync(command with { Sudo = command.Sudo || settings.Sudo }, timeout, deadline, time, cancellationToken);
                if (done is not null)
                {
                    _idle.Add(session);
                    return done;
                }
                await DiscardAsync(session);
                return Interpret(node, destination, lost!);
            }
            catch
            {
                await DiscardAsync(session);
                throw;
            }
        }
        var line = RemoteScript.Wrap(command with { Sudo = command.Sudo || settings.Sudo }, timeout);
        // A master already up (opened by an earlier command, or kept by an earlier invocation): a session of it is asked
        // for in process, with no ssh client started. With no master, ssh opens one.
        if (options.Multiplex && File.Exists(controlPath)
            && await MuxClient.RunAsync(controlPath, line, command.StandardInput, deadline, time, cancellationToken) is { } viaMaster)
        {
            return Interpret(node, destination, viaMaster);
        }
        var arguments = OpenSshArguments.ForCommand(settings, options, destination, controlPath, command.StandardInput is null, line);
        var outcome = await ChildProcess.RunAsync(
            options.Program, arguments, command.StandardInput, deadline, time, cancellationToken, ownSession: true);
        return Interpret(node, destination, outcome);
    }

    /// <summary>An idle usable session, or a new one while there are fewer than the limit; null: use an ssh of its own.</summary>
    private NodeSession? TakeSession()
    {
        if (!options.Sessions)
        {
            return null;
        }
        while (_idle.TryTake(out var idle))
        {
            if (idle.Usable)
            {
                return idle;
            }
            _ = DiscardAsync(idle);
        }
        if (Interlocked.Increment(ref _sessions) > OpenSshOptions.SessionsPerNode)
        {
            Interlocked.Decrement(ref _sessions);
            return null;
        }
        try
        {
            return NodeSession.Start(options.Program,
                OpenSshArguments.ForCommand(settings, options, destination, controlPath, closeInput: false, SessionProtocol.Start));
        }
        catch
        {
            Interlocked.Decrement(ref _sessions);
            throw;
        }
    }

    private async Task DiscardAsync(NodeSession session)
    {
        Interlocked.Decrement(ref _sessions);
        await session.DisposeAsync();
    }

    /// <summary>Turns what the ssh process did into the command's result (pure).</summary>
    internal static CommandResult Interpret(string node, SshDestination destination, ChildOutcome outcome)
    {
        var (error, remoteExit255) = RemoteScript.TakeMarker(outcome.StandardError);
        if (outcome.Killed)
        {
            var notice = $"uplift: ssh to {node} did not finish in {outcome.Elapsed.TotalSeconds:0.#} s and was killed\n";
            return new CommandResult(124, outcome.StandardOutput, error + notice, outcome.Elapsed, TimedOut: true);
        }
        if (outcome.ExitCode == 255 && !remoteExit255)
        {
            var reason = SshFailure.Describe(node, destination, error);
            return new CommandResult(255, outcome.StandardOutput, $"uplift: {reason}\n{error}", outcome.Elapsed, Unreachable: true);
        }
        return new CommandResult(
            outcome.ExitCode, outcome.StandardOutput, error, outcome.Elapsed,
            TimedOut: RemoteScript.EndedByTimeout(outcome.ExitCode, error));
    }
}
