using System.Security.Cryptography;

namespace Uplift.Lab;

/// <summary>The lab's MariaDB (Debian mariadb-server binaries) on a private socket and the VIP's port 3306,
/// run as the lab account, holding the OpenStack schemas; credentials in a my.cnf in the state directory.</summary>
public static class LabDatabase
{
    public const string User = "uplift";
    public const int RowsPerTable = 20;

    /// <param name="seedSql">What the database holds besides Uplift's account: the shim lab's schemas with a few rows each,
    /// or the empty schemas and service accounts of a lab of real OpenStack code.</param>
    public static async Task StartAsync(LabLayout lab, string seedSql, TimeProvider time, CancellationToken cancel)
    {
        var paths = lab.Paths;
        await LocalProgram.CheckAsync("mariadb-install-db", ["--no-defaults", $"--user={LabLayout.Account}", $"--datadir={paths.MariaDbData}",
            "--auth-root-authentication-method=socket", "--skip-test-db"], cancel: cancel);
        var log = Path.Combine(paths.MariaDb, "mariadb.log");
        await LocalProgram.StartDetachedAsync("/usr/sbin/mariadbd", [ "--no-defaults", $"--user={LabLayout.Account}",
            $"--datadir={paths.MariaDbData}", $"--socket={paths.MariaDbSocket}", $"--pid-file={paths.MariaDbPid}",
            $"--bind-address={LabLayout.VipAddress}", $"--port={LabLayout.DatabasePort}", $"--log-error={log}",
            "--skip-name-resolve", "--innodb-buffer-pool-size=32M", "--skip-log-bin"], log, cancel);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(30);
        while ((await LocalProgram.RunAsync("mariadb-admin", ["--no-defaults", $"--socket={paths.MariaDbSocket}", "ping"], cancel: cancel)).ExitCode != 0)
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new LabException($"MariaDB did not answer on {paths.MariaDbSocket} within 30 s; see {log}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancel);
        }
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        // The password goes through stdin and the my.cnf file only: never on a command line.
        var setup = $"""
            CREATE USER '{User}'@'localhost' IDENTIFIED BY '{password}';
            CREATE USER '{User}'@'127.%' IDENTIFIED BY '{password}';
            GRANT ALL PRIVILEGES ON *.* TO '{User}'@'localhost' WITH GRANT OPTION;
            GRANT ALL PRIVILEGES ON *.* TO '{User}'@'127.%' WITH GRANT OPTION;
            {seedSql}
            """;
        await LocalProgram.CheckAsync("mariadb", ["--no-defaults", $"--socket={paths.MariaDbSocket}", "-uroot"], input: setup, cancel: cancel);
        File.WriteAllText(paths.MyCnf, $"""
            # Uplift lab MariaDB (rehearsal cluster, not OpenStack). Used by 'uplift backup' on the lab.
            [client]
            user={User}
            password={password}
            socket={paths.MariaDbSocket}

            """);
        FileModes.Set(paths.MyCnf, FileModes.Private);
        await LocalProgram.CheckAsync("chown", [$"{LabLayout.Account}:{LabLayout.Account}", paths.MyCnf], cancel: cancel);
    }
}
