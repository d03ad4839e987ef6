namespace Uplift.Database;

/// <summary>SQL sent to mysql on standard input (see <see cref="DatabaseCommandLines.Query"/>). Pure.</summary>
public static class DatabaseQueries
{
    public const string ShowDatabases = "SHOW DATABASES;";

    public const string ServerVersion = "SELECT VERSION();";

    /// <summary>Base tables of the schemas, one "schema TAB table" line each.</summary>
    public static string Tables(IEnumerable<string> schemas) =>
        "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA IN ("
        + string.Join(", ", schemas.Select(SchemaName.Literal))
        + ") ORDER BY TABLE_SCHEMA, TABLE_NAME;";

    /// <summary>
    /// Exact row counts (COUNT(*), not the estimates of information_schema), one "table TAB rows" line each,
    /// all read from one consistent snapshot.
    /// </summary>
    public static string RowCounts(string schema, IReadOnlyList<string> tables)
    {
        if (tables.Count == 0)
        {
            return "SELECT 1 FROM DUAL WHERE FALSE;";
        }
        var db = SchemaName.Quoted(schema);
        var counts = tables.Select(t => $"SELECT {SchemaName.Literal(t)}, COUNT(*) FROM {db}.{SchemaName.Quoted(t)}");
        return "START TRANSACTION WITH CONSISTENT SNAPSHOT;\n" + string.Join("\nUNION ALL ", counts) + ";\nCOMMIT;";
    }

    public static string DropSchema(string schema) => $"DROP DATABASE IF EXISTS {SchemaName.Quoted(schema)};";
}
