using System.Diagnostics;
using System.Text;

namespace Uplift.Tests;

/// <summary>
/// A real HAProxy for the command-line tests: backends novabe (ctl1, ctl2, ctl10) and keystonepubbe, servers
/// without health checks on 127.0.20.x:28001 (never connected to), and only a Unix admin socket (mode 666, so
/// a rehearsal SSH account can reach it too) in a temporary directory removed on dispose.
/// </summary>
public sealed class HaproxyCliLab : IAsyncLifetime
{
    private Process? _haproxy;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("uplift-haproxy-cli-").FullName;

    public string Socket => Path.Combine(Directory, "admin.sock");

    public async Task InitializeAsync()
    {
        // Traversable by other accounts (the SSH test logs in as one); the socket's own mode does the rest.
        File.SetUnixFileMode(Directory, (UnixFileMode)0b111_101_101);
        var config = Path.Combine(Directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, $"""
            global
                stats socket {Socket} mode 666 level admin

            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s

            backend novabe
                server ctl1 127.0.20.1:28001
                server ctl2 127.0.20.2:28001
                server ctl10 127.0.20.10:28001

            backend keystonepubbe
                server ctl1 127.0.20.1:28002

            """);
        _haproxy = Process.Start(new ProcessStartInfo("/usr/sbin/haproxy", ["-db", "-f", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("haproxy did not start");
        _haproxy.BeginOutputReadLine();
        _haproxy.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (!File.Exists(Socket))
        {
            if (started.Elapsed > TimeSpan.FromSeconds(10) || _haproxy.HasExited)
            {
                throw new InvalidOperationException("haproxy did not open its admin socket within 10 s");
            }
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        if (_haproxy is { HasExited: false })
        {
            _haproxy.Kill(entireProcessTree: true);
            await _haproxy.WaitForExitAsync();
        }
        _haproxy?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Runs `uplift haproxy ARGS --socket SOCKET` in process.</summary>
    public (int Exit, string Output, string Error) Uplift(params string[] args) => Run([.. args, "--socket", Socket]);

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(new StringBuilder()), new StringWriter(new StringBuilder()));
        var exit = Cli.UpliftCommandLine.Run(["haproxy", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
