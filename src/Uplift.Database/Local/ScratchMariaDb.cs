using System.Diagnostics;
using System.Security.Cryptography;
using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// A private MariaDB server in a temporary directory (mariadb-install-db + mariadbd from the Debian package),
/// listening on its own socket and a loopback port: for the integration tests, the benchmark, and verifying
/// backups on the operator's machine without touching the production server. Creates a user with a random
/// password and a my.cnf-style <see cref="CredentialsFile"/> (mode 600) for it. Disposing stops the server and
/// removes the directory.
/// </summary>
public sealed class ScratchMariaDb : IAsyncDisposable
{
    public const string User = "uplift";

    private readonly Process _server;

    private ScratchMariaDb(string directory, int port, Process server, string password)
    {
        Directory = directory;
        Port = port;
        _server = server;
        Password = password;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Socket => Path.Combine(Directory, "mysqld.sock");

    /// <summary>The [client] file holding user, password and socket: the only place the password is written.</summary>
    public string CredentialsFile => Path.Combine(Directory, "client.cnf");

    /// <summary>The generated password (tests assert it never shows anywhere else).</summary>
    public string Password { get; }

    public static async Task<ScratchMariaDb> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("uplift-mariadb-").FullName;
        var data = Path.Combine(directory, "data");
        var asRoot = Environment.UserName == "root";
        var user = asRoot ? ["--user=root"] : Array.Empty<string>();
        try
        {
            await RunAsync("mariadb-install-db", ["--no-defaults", $"--datadir={data}", "--skip-test-db", "--auth-root-authentication-method=socket", .. user], cancellationToken);
            // --log-error sends everything mariadbd says to a file, so its stdout/stderr need no reader.
            var start = new ProcessStartInfo("mariadbd") { UseShellExecute = false };
            foreach (var arg in (string[])["--no-defaults", $"--datadir={data}", $"--socket={Path.Combine(directory, "mysqld.sock")}", $"--port={port}",
                "--bind-address=127.0.0.1", "--skip-log-bin", "--innodb-buffer-pool-size=512M", "--innodb-log-file-size=256M",
                "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=256M", $"--log-error={Path.Combine(directory, "error.log")}",
                $"--pid-file={Path.Combine(directory, "mysqld.pid")}", .. user])
            {
                start.ArgumentList.Add(arg);
            }
            var server = Process.Start(start) ?? throw new InvalidOperationException("cannot start mariadbd");
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var scratch = new ScratchMariaDb(directory, port, server, password);
            await scratch.WaitReadyAsync(cancellationToken);
            await scratch.AdminAsync(
                $"CREATE USER '{User}'@'localhost' IDENTIFIED BY '{password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'localhost';"
                + $"CREATE USER '{User}'@'127.0.0.1' IDENTIFIED BY '{password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'127.0.0.1';",
                cancellationToken);
            await File.WriteAllTextAsync(scratch.CredentialsFile,
                $"[client]\nuser={User}\npassword={password}\nsocket={scratch.Socket}\n", cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(scratch.CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return scratch;
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Runs SQL as the server's root over its socket (unix_socket authentication: no password).</summary>
    public Task AdminAsync(string sql, CancellationToken cancellationToken = default) =>
        RunAsync("mariadb", ["--no-defaults", $"--socket={Socket}", "-u", Environment.UserName, "--batch", "-e", sql], cancellationToken);

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        // A real server starting up: poll its socket (at most 60 s).
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"mariadbd exited with {_server.ExitCode}: see {Path.Combine(Directory, "error.log")}");
            }
            if (File.Exists(Socket))
            {
                try
                {
                    await AdminAsync("SELECT 1", cancellationToken);
                    return;
                }
                catch (InvalidOperationException)
                {
                    // not accepting connections yet
                }
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"mariadbd on {Socket} did not become ready within 60 s");
    }

    private static async Task RunAsync(string program, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var outcome = await ChildProcess.RunAsync(program, args, null, TimeSpan.FromMinutes(5), TimeProvider.System, cancellationToken);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {outcome.ExitCode}: {outcome.StandardError.Trim()} {outcome.StandardOutput.Trim()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_server.HasExited)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await AdminAsync("SHUTDOWN", limit.Token);
                    await _server.WaitForExitAsync(limit.Token);
                }
                catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
                {
                    _server.Kill();
                    await _server.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _server.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
