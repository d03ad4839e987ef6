using Uplift.Database;

namespace Uplift.Tests.Backup;

/// <summary>
/// One private MariaDB for the integration tests (port 33061 of this project's range 33060–33069), seeded with
/// OpenStack-named schemas holding data, a trigger, a routine and an event, plus a site schema that is not
/// OpenStack's. Stopped and its directory removed when the tests end.
/// </summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    public const int Port = 33061;

    public ScratchMariaDb Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ScratchMariaDb.StartAsync(Port);
        try
        {
            await Server.AdminAsync(Seed);
        }
        catch
        {
            await Server.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The database node "db1": this machine through a counting shell, with the backup user's credentials.</summary>
    public (DatabaseNode Node, CountingShell Shell) Node()
    {
        var shell = new CountingShell(BackupIntegrationTests.Local("db1"));
        return (new DatabaseNode(shell, new DatabaseCommandLines(Server.CredentialsFile)), shell);
    }

    /// <summary>Runs SQL as the backup's user, straight on this machine (not through a shell under test).</summary>
    public async Task<string> QueryAsync(string sql) =>
        (await BackupIntegrationTests.Local("check").RunAsync(new(new DatabaseCommandLines(Server.CredentialsFile).Query(), StandardInput: sql))).StandardOutput;

    public async Task<IReadOnlyList<string>> DatabasesAsync() => DatabaseOutput.Databases(await QueryAsync(DatabaseQueries.ShowDatabases));

    /// <summary>A fresh directory under the server's (removed with it).</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(Server.Directory, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private const string Seed = """
        SET GLOBAL event_scheduler = OFF;
        CREATE DATABASE keystone;
        CREATE TABLE keystone.project (id VARCHAR(64) PRIMARY KEY, name VARCHAR(64) NOT NULL, enabled TINYINT(1));
        CREATE TABLE keystone.`user` (id VARCHAR(64) PRIMARY KEY, domain_id VARCHAR(64), extra TEXT);
        CREATE TABLE keystone.audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(64));
        INSERT INTO keystone.project VALUES ('p1', 'admin', 1), ('p2', 'service', 1), ('p3', 'demo''s "project"', 0);
        USE keystone;
        INSERT INTO keystone.`user` SELECT CONCAT('u', seq), 'default', REPEAT('x', seq) FROM seq_1_to_500;
        CREATE TRIGGER project_audit AFTER INSERT ON project FOR EACH ROW INSERT INTO audit (what) VALUES (NEW.id);
        CREATE PROCEDURE count_projects() SELECT COUNT(*) FROM project;
        CREATE EVENT tidy ON SCHEDULE EVERY 1 DAY DO DELETE FROM audit;
        CREATE DATABASE nova_api;
        CREATE TABLE nova_api.flavors (id INT PRIMARY KEY, name VARCHAR(255), memory_mb INT);
        CREATE TABLE nova_api.empty_table (id INT PRIMARY KEY);
        INSERT INTO nova_api.flavors SELECT seq, CONCAT('m1.f', seq), seq * 512 FROM seq_1_to_2000;
        CREATE VIEW nova_api.big_flavors AS SELECT * FROM nova_api.flavors WHERE memory_mb > 4096;
        CREATE DATABASE heat;
        CREATE TABLE heat.stack (id INT PRIMARY KEY, name VARCHAR(255), body BLOB);
        INSERT INTO heat.stack SELECT seq, CONCAT('stack-', seq), RANDOM_BYTES(200) FROM seq_1_to_300;
        CREATE DATABASE website;
        CREATE TABLE website.page (id INT PRIMARY KEY);
        INSERT INTO website.page VALUES (1);
        """;
}
