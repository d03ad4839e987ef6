using System.Diagnostics;
using System.Text;

namespace Uplift.Transports;

/// <summary>
/// One kept-open ssh session on a node, over its master connection, running <see cref="SessionProtocol.Loop"/>:
/// commands are written to its stdin one at a time and their output read up to the markers. A session is used by one
/// command at a time (<see cref="OpenSshShell"/> keeps a pool). When this process ends, its end of stdin closes and
/// the loop on the node ends after the command it runs.
/// </summary>
internal sealed class NodeSession : IAsyncDisposable
{
    private const string Setsid = "/usr/bin/setsid";
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly string _tokenPrefix = EndMarkers.Token("@uplift-session-end-") + "-";
    private int _commands;
    private bool _lost;

    private NodeSession(Process process) => _process = process;

    /// <summary>Whether it can take a command: its ssh runs and no command was lost in it.</summary>
    public bool Usable => !_lost && !_process.HasExited;

    /// <summary>Starts ssh with <paramref name="arguments"/> (which run <see cref="SessionProtocol.Start"/> on the node),
    /// in a session of its own like every command's ssh (a Ctrl-C reaches Uplift alone).</summary>
    public static NodeSession Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new NodeSession(Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}"));
    }

    /// <summary>
    /// Runs a command (no standard input). Returns its result, or, when the session was lost before the command ended
    /// (ssh gone: node unreachable, connection cut) or the deadline passed (the session is then killed), what the ssh
    /// process left, for <see cref="OpenSshShell.Interpret"/>. A lost session takes no more commands.
    /// </summary>
    public async Task<(CommandResult? Done, ChildOutcome? Lost)> RunAsync(
        RemoteCommand command, TimeSpan timeout, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = _tokenPrefix + Interlocked.Increment(ref _commands);
        var began = time.GetTimestamp();
        using var limit = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var output = new MemoryStream();
        var error = new MemoryStream();
        // Past the deadline, or on abort, the session is killed. Its pipes may stay open a while (the master connection
        // holds them until the command on the node ends): reading stops after a grace, as for an ssh of its own.
        using var stopReading = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var killing = linked.Token.Register(() =>
        {
            Kill();
            stopReading.CancelAfter(DrainGrace);
        });
        try
        {
            var request = Encoding.UTF8.GetBytes(SessionProtocol.Request(command, timeout, token));
            await _process.StandardInput.BaseStream.WriteAsync(request, CancellationToken.None);
            await _process.StandardInput.BaseStream.FlushAsync(CancellationToken.None);
            var stdout = ReadStdoutAsync(output, token, stopReading.Token);
            var stderr = ReadStderrAsync(error, token, stopReading.Token);
            await Task.WhenAll(stdout, stderr);
            if (await stdout is var (length, exitCode) && await stderr is { } errorLength)
            {
                var text = Text(output, length);
                var errorText = Text(error, errorLength);
                return (new CommandResult(exitCode, text, errorText, time.GetElapsedTime(began),
                    TimedOut: RemoteScript.EndedByTimeout(exitCode, errorText)), null);
            }
        }
        catch (IOException)
        {
            // The session's pipes broke: ssh is gone.
        }
        _lost = true;
        Kill();
        cancellationToken.ThrowIfCancellationRequested();
        await WaitForExitAsync(TimeSpan.FromSeconds(5));
        var killed = limit.IsCancellationRequested;
        var exit = killed ? 124 : _process.HasExited ? _process.ExitCode : 255;
        return (null, new ChildOutcome(exit, Text(output), Text(error), time.GetElapsedTime(began), killed));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // End of input ends the loop on the node; ssh then exits.
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Its ssh is gone already.
        }
        if (!await WaitForExitAsync(TimeSpan.FromSeconds(2)))
        {
            Kill();
        }
        _process.Dispose();
    }

    private async Task<(int Length, int ExitCode)?> ReadStdoutAsync(MemoryStream into, string token, CancellationToken stop)
    {
        var from = 0;
        while (true)
        {
            if (EndMarkers.FindStdoutEnd(into.GetBuffer().AsSpan(0, (int)into.Length), token, from) is var (length, exitCode, _))
            {
                return (length, exitCode);
            }
            from = EndMarkers.SearchFrom((int)into.Length, token);
            if (!await ReadMoreAsync(_process.StandardOutput.BaseStream, into, stop))
            {
                return null;
            }
        }
    }

    private async Task<int?> ReadStderrAsync(MemoryStream into, string token, CancellationToken stop)
    {
        var from = 0;
        while (true)
        {
            if (EndMarkers.FindStderrEnd(into.GetBuffer().AsSpan(0, (int)into.Length), token, from) is { } length)
            {
                return length;
            }
            from = EndMarkers.SearchFrom((int)into.Length, token);
            if (!await ReadMoreAsync(_process.StandardError.BaseStream, into, stop))
            {
                return null;
            }
        }
    }

    /// <summary>Reads what comes next; false at end of file, or once reading was stopped.</summary>
    private static async Task<bool> ReadMoreAsync(Stream from, MemoryStream into, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var read = await from.ReadAsync(buffer, stop);
            into.Write(buffer, 0, read);
            return read > 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan atMost)
    {
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(atMost, CancellationToken.None);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Text(MemoryStream stream, int? length = null) =>
        Encoding.UTF8.GetString(stream.GetBuffer(), 0, length ?? (int)stream.Length);
}
