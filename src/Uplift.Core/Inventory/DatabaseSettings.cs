namespace Uplift.Inventory;

/// <summary>Where the OpenStack databases live and how to reach them for backups.</summary>
/// <param name="Node">Node that runs the database client commands (mysqldump); null means the first controller.</param>
/// <param name="CredentialsFile">my.cnf-style file holding the DB credentials, on that node. Never put passwords in the inventory.</param>
/// <param name="BackupDirectory">Directory on that node where dumps are written before they are copied back.</param>
public sealed record DatabaseSettings(
    string? Node = null,
    string CredentialsFile = "/root/.my.cnf",
    string BackupDirectory = "/var/backups/uplift");
