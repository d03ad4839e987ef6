namespace Uplift.Database;

/// <summary>Parses what mysql --batch --skip-column-names prints for <see cref="DatabaseQueries"/>. Pure.</summary>
public static class DatabaseOutput
{
    /// <summary>Schema names from SHOW DATABASES, one per line.</summary>
    public static IReadOnlyList<string> Databases(string output) => Lines(output).ToList();

    /// <summary>The server version from SELECT VERSION(), e.g. "10.11.19-MariaDB-0+deb12u1".</summary>
    public static string ServerVersion(string output) =>
        Lines(output).FirstOrDefault()
        ?? throw new FormatException("SELECT VERSION() printed nothing");

    /// <summary>Tables by schema from <see cref="DatabaseQueries.Tables"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Tables(string output) =>
        Lines(output)
            .Select(line => Split(line, 2, "schema TAB table"))
            .GroupBy(f => f[0], f => f[1])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList());

    /// <summary>Rows by table from <see cref="DatabaseQueries.RowCounts"/>.</summary>
    public static IReadOnlyDictionary<string, long> RowCounts(string output) =>
        Lines(output)
            .Select(line => Split(line, 2, "table TAB rows"))
            .ToDictionary(
                f => f[0],
                f => long.TryParse(f[1], out var rows) && rows >= 0
                    ? rows
                    : throw new FormatException($"row count '{f[1]}' of table {f[0]} is not a number"));

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    private static string[] Split(string line, int fields, string expected)
    {
        var parts = line.Split('\t');
        return parts.Length == fields
            ? parts
            : throw new FormatException($"expected '{expected}', got '{line}'");
    }
}
