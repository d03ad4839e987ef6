using System.Diagnostics;
using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Runs commands on this machine with /bin/sh -c: for a database node that is the operator's machine, for the
/// tests and the benchmark. (Uplift.Remote's local transport can replace it once it exists.)
/// </summary>
public sealed class LocalShell(string node = "local", TimeProvider? clock = null) : IRemoteShell
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Node => node;

    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        var started = _clock.GetTimestamp();
        var start = new ProcessStartInfo(command.Sudo ? "sudo" : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (command.Sudo)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("/bin/sh");
        }
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command.Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /bin/sh");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (command.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(command.StandardInput.AsMemory(), cancellationToken);
            }
        }
        catch (IOException)
        {
            // The command exited without reading all of its input; its exit code tells what happened.
        }
        finally
        {
            process.StandardInput.Close();
        }
        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit, _clock) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        return new CommandResult(
            timedOut ? 124 : process.ExitCode, await stdout, await stderr, _clock.GetElapsedTime(started), timedOut);
    }
}
