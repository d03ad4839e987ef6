using Microsoft.Data.Sqlite;
using Uplift.Diagnostics;

namespace Uplift.Execution.Journal;

/// <summary>
/// Refuses a journal that is not what Uplift wrote: a directory in its place, a file that is not SQLite, a database
/// that fails SQLite's integrity check, a table or column of the journal missing (a dropped table would otherwise be
/// created empty again and a resume start from scratch), a step state Uplift never writes. The refusal (exit 2) names
/// the file and how to go on; nothing is changed on any node.
/// </summary>
internal static class JournalDamage
{
    /// <summary>The tables and columns every journal has had since its first version (later ones are added when missing).</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["plans"] = ["plan_hash", "plan_json", "stored"],
        ["runs"] = ["id", "plan_hash", "started", "ended", "outcome"],
        ["steps"] = ["plan_hash", "step_id", "state", "run_id", "started", "ended", "exit_code", "stdout", "stderr", "message"],
        ["attempts"] = ["id", "run_id", "step_id", "state", "started", "ended", "exit_code", "stdout", "stderr", "message"],
    };

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static InputException Damaged(string path, string what) => new(
        $"the journal is damaged: {what}", new SourceLocation(path),
        $"nothing was changed on any node. Keep it for inspection and go on without it: mv '{path}' '{path}.damaged'; " +
        "then run again: Uplift reads what the nodes run and plans from there");

    /// <summary>Before SQLite opens it: a directory, or a file that does not start as SQLite files do.</summary>
    public static void CheckFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw Damaged(path, "it is a directory, not a file");
        }
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }
        var header = new byte[SqliteHeader.Length];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
            {
                throw Damaged(path, "it is not an SQLite database (its first bytes are not SQLite's)");
            }
        }
    }

    /// <summary>Once open, for a journal that existed: SQLite's integrity check, then the tables and columns.</summary>
    /// <exception cref="SqliteException">SQLite cannot read it at all.</exception>
    public static string? Problem(SqliteConnection connection)
    {
        var integrity = Strings(connection, "PRAGMA integrity_check");
        if (integrity is not ["ok"])
        {
            return $"SQLite's integrity check says: {string.Join("; ", integrity.Take(3))}";
        }
        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return null; // an empty database: the journal is created in it
        }
        foreach (var (table, columns) in Required)
        {
            if (!tables.Contains(table))
            {
                return $"its table '{table}' is missing";
            }
            var have = Strings(connection, $"SELECT name FROM pragma_table_info('{table}')");
            if (columns.FirstOrDefault(c => !have.Contains(c)) is { } missing)
            {
                return $"its table '{table}' has no column '{missing}'";
            }
        }
        return null;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }
        return values;
    }
}
