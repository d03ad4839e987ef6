using System.Diagnostics;
using System.Net.Sockets;

namespace Uplift.Testing.Sshd;

/// <summary>
/// One real sshd (/usr/sbin/sshd -D) started by Uplift for a rehearsal node. Stopping it ends its
/// listener and every connection and session it serves, so the node is unreachable at once.
/// </summary>
public sealed class SshdProcess : IAsyncDisposable
{
    private const string Program = "/usr/sbin/sshd";
    private readonly Process _process;

    private SshdProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public int Pid => _process.Id;

    public string LogFile { get; }

    public bool Running => !_process.HasExited;

    /// <summary>Starts sshd with <paramref name="configFile"/> and waits until it accepts connections on every address.</summary>
    public static async Task<SshdProcess> StartAsync(
        string configFile, string logFile, IReadOnlyList<string> addresses, int port, CancellationToken cancellationToken = default)
    {
        // sshd's privilege-separation directory (Debian's packaging makes it at boot through tmpfiles).
        Directory.CreateDirectory("/run/sshd");
        var start = new ProcessStartInfo(Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -D: stay in the foreground so this process is the listener; -E: log to a file of the node.
        foreach (var argument in new[] { "-D", "-f", configFile, "-E", logFile })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Program}");
        var sshd = new SshdProcess(process, logFile);
        try
        {
            foreach (var address in addresses)
            {
                await sshd.WaitListeningAsync(address, port, cancellationToken);
            }
        }
        catch
        {
            await sshd.StopAsync();
            throw;
        }
        return sshd;
    }

    /// <summary>Ends the listener and every connection and session under it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitListeningAsync(string address, int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"sshd for {address}:{port} exited with {_process.ExitCode}: {Log()} (is the address in use?)");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(address, port, cancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                // Real waiting on a real daemon: poll briefly.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"sshd does not accept connections on {address}:{port} after 10 s: {e.Message}; {Log()}", e);
            }
        }
    }

    private string Log() => File.Exists(LogFile) ? File.ReadAllText(LogFile).Trim() : "(no log)";
}
