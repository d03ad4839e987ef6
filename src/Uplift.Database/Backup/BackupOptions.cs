namespace Uplift.Database;

/// <summary>What <see cref="DatabaseBackup"/> dumps and where it puts the files.</summary>
/// <param name="RunId">Names the backup and ties it to an upgrade run (letters, digits, '-', '_', '.').</param>
/// <param name="NodeDirectory">Directory on the database node for this backup's dumps (created, mode 700).</param>
/// <param name="LocalDirectory">Directory on the operator's machine the dumps and manifest are copied to.</param>
/// <param name="Schemas">Only these schemas (each must exist); empty means every OpenStack schema present.</param>
/// <param name="ExtraSchemas">Site schemas to dump besides the known OpenStack names.</param>
public sealed record BackupOptions(
    string RunId,
    string NodeDirectory,
    string LocalDirectory,
    IReadOnlyList<string>? Schemas = null,
    IReadOnlyList<string>? ExtraSchemas = null)
{
    public static bool IsValidRunId(string runId) =>
        runId.Length is > 0 and <= 100 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && runId[0] != '.';

    /// <summary>A run id from the time, e.g. "20261121T204500Z".</summary>
    public static string RunIdAt(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'");

    public static string DumpFileName(string schema) => schema + ".sql.gz";
}
