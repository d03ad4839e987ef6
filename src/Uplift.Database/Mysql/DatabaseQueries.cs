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
    /// Exact row counts (COUNT(*), not the estimates of information_schema) of every base table of the schema, one
    /// "table TAB rows" line each, all read from one consistent snapshot. The server builds the per-table SELECTs
    /// from information_schema (PREPARE), so the SQL stays this size whatever the number of tables: it travels in a
    /// command batch's script, and one argument to a node's shell is limited (128 KiB on Linux).
    /// </summary>
    public static string RowCounts(string schema)
    {
        var db = SchemaName.Quoted(schema);
        return "START TRANSACTION WITH CONSISTENT SNAPSHOT;\n"
            // GROUP_CONCAT stops at group_concat_max_len (1 MiB by default); 64 MiB holds ~500,000 tables.
            + "SET SESSION group_concat_max_len = 67108864;\n"
            + "SET @uplift_row_counts = (SELECT GROUP_CONCAT(CONCAT('SELECT ', QUOTE(TABLE_NAME), ', COUNT(*) FROM "
            + db + ".`', REPLACE(TABLE_NAME, '`', '``'), '`') ORDER BY TABLE_NAME SEPARATOR ' UNION ALL ') "
            + $"FROM information_schema.TABLES WHERE TABLE_SCHEMA = {SchemaName.Literal(schema)} AND TABLE_TYPE = 'BASE TABLE');\n"
            + "PREPARE uplift_row_counts FROM COALESCE(@uplift_row_counts, 'SELECT 1 FROM DUAL WHERE FALSE');\n"
            + "EXECUTE uplift_row_counts;\n"
            + "DEALLOCATE PREPARE uplift_row_counts;\n"
            + "COMMIT;";
    }

    public static string DropSchema(string schema) => $"DROP DATABASE IF EXISTS {SchemaName.Quoted(schema)};";
}
