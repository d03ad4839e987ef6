using System.Diagnostics;
using System.Net;
using System.Text;
using Uplift.Haproxy;

namespace Uplift.Tests.Integration;

/// <summary>
/// A real HAProxy (/usr/sbin/haproxy) in its own temporary directory, fronting three in-process API listeners
/// ctl1, ctl2, ctl10 on 127.0.20.1/.2/.10, plus 300 small backends so that show stat runs past 64 KiB; and a second
/// HAProxy, the peer (another controller's, on 127.0.20.101), fronting the same three servers with its own admin socket.
/// Addresses 127.0.20.x and ports 28100–28299 belong to these tests. Everything is stopped and removed on dispose.
/// </summary>
public sealed class HaproxyLab : IAsyncLifetime
{
    public const string Backend = "apibe";
    public const int BulkBackends = 300;
    public static readonly Uri Frontend = new("http://127.0.20.100:28100/");
    public const string TcpSocket = "127.0.20.100:28199";

    private readonly StringBuilder _log = new();
    private Process? _haproxy;
    private Process? _peer;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("uplift-haproxy-").FullName;

    public string AdminSocket => Path.Combine(Directory, "admin.sock");

    public string UserSocket => Path.Combine(Directory, "user.sock");

    /// <summary>The admin socket of the peer HAProxy (another controller's).</summary>
    public string PeerAdminSocket => Path.Combine(Directory, "peer-admin.sock");

    public HaproxyClient PeerClient() => new(new LocalAdminSocket(AdminSocketAddress.Parse(PeerAdminSocket)));

    internal Dictionary<string, ApiListener> Servers { get; } = [];

    public HaproxyClient Client() => new(new LocalAdminSocket(AdminSocketAddress.Parse(AdminSocket)));

    public async Task InitializeAsync()
    {
        foreach (var (name, host, port) in new[] { ("ctl1", 1, 28101), ("ctl2", 2, 28102), ("ctl10", 10, 28110) })
        {
            Servers[name] = new ApiListener(name, IPAddress.Parse($"127.0.20.{host}"), port);
        }
        _haproxy = await StartAsync("haproxy.cfg", Config());
        _peer = await StartAsync("peer.cfg", PeerConfig());
        await WaitUntilAsync(async () => (await Client().ShowStatAsync(Backend)).Count(r => r.IsServer && r.Status == "UP") == 3,
            "haproxy to start with ctl1, ctl2 and ctl10 UP");
        await WaitUntilAsync(async () => (await PeerClient().ShowStatAsync(Backend)).Count(r => r.IsServer && r.Status == "UP") == 3,
            "the peer haproxy to start with ctl1, ctl2 and ctl10 UP");
    }

    private async Task<Process> StartAsync(string name, string text)
    {
        var config = Path.Combine(Directory, name);
        await File.WriteAllTextAsync(config, text);
        var start = new ProcessStartInfo("/usr/sbin/haproxy", ["-db", "-f", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var haproxy = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start");
        haproxy.OutputDataReceived += (_, e) => Log(e.Data);
        haproxy.ErrorDataReceived += (_, e) => Log(e.Data);
        haproxy.BeginOutputReadLine();
        haproxy.BeginErrorReadLine();
        return haproxy;
    }

    /// <summary>Every API server back in rotation and a fresh slow request armed: each test starts from here.</summary>
    public async Task ResetAsync()
    {
        var client = Client();
        foreach (var listener in Servers.Values)
        {
            listener.ReleaseSlow();
            listener.ArmSlow();
            await client.SetStateAsync(Backend, listener.Name, ServerMode.Ready);
            await PeerClient().SetStateAsync(Backend, listener.Name, ServerMode.Ready);
        }
        await WaitUntilAsync(async () => (await client.ShowStatAsync(Backend)).Count(r => r.IsServer && r.Status == "UP" && r.IsIdle) == 3,
            "ctl1, ctl2 and ctl10 back UP and idle");
    }

    public async Task DisposeAsync()
    {
        foreach (var haproxy in new[] { _haproxy, _peer })
        {
            if (haproxy is { HasExited: false })
            {
                haproxy.Kill(entireProcessTree: true);
                await haproxy.WaitForExitAsync();
            }
            haproxy?.Dispose();
        }
        foreach (var listener in Servers.Values)
        {
            await listener.DisposeAsync();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Polls a real server's state (integration only: unit tests use a manual clock).</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, double seconds = 15)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HaproxyException e)
            {
                last = e;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"timed out waiting for {what}; last error: {last?.Message}; haproxy said:\n{_log}");
    }

    private void Log(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Config()
    {
        var config = new StringBuilder($"""
            global
                stats socket {AdminSocket} mode 600 level admin
                stats socket {UserSocket} mode 600 level user
                stats socket ipv4@{TcpSocket} level admin

            defaults
                mode http
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                timeout check 1s

            frontend apife
                bind 127.0.20.100:28100
                default_backend {Backend}

            backend {Backend}
                option httpchk GET /health
                # the slow request goes to ctl1, so the tests know which server it holds
                use-server ctl1 if {"{"} path_beg /slow {"}"}
                server ctl1 127.0.20.1:28101 check inter 200ms rise 1 fall 1
                server ctl2 127.0.20.2:28102 check inter 200ms rise 1 fall 1
                server ctl10 127.0.20.10:28110 check inter 200ms rise 1 fall 1

            """);
        for (var i = 1; i <= BulkBackends; i++)
        {
            // No check and no traffic: these only make show stat long.
            config.Append(System.Globalization.CultureInfo.InvariantCulture, $"backend bulk{i:000}\n    server s1 127.0.20.200:28200\n\n");
        }
        return config.ToString();
    }

    /// <summary>The peer: the main configuration's defaults, frontend and API backend, on its own socket and address.</summary>
    private string PeerConfig()
    {
        var main = Config();
        var shared = main[main.IndexOf("defaults", StringComparison.Ordinal)..main.IndexOf("backend bulk", StringComparison.Ordinal)];
        return $"global\n    stats socket {PeerAdminSocket} mode 600 level admin\n\n" +
            shared.Replace("bind 127.0.20.100:28100", "bind 127.0.20.101:28100", StringComparison.Ordinal);
    }
}
