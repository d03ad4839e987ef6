namespace Uplift.Database;

/// <summary>
/// Parses what `nova-manage`, `cinder-manage` and `placement-manage db online_data_migrations` print
/// (openstack/nova nova/cmd/manage.py DbCommands.online_data_migrations; cinder/cmd/manage.py likewise;
/// placement/cmd/manage.py names its second column "Total Found"):
/// optional "Running batches of 50 until complete" and "N rows matched query NAME, M migrated" lines,
/// "Error attempting to run NAME" for a migration that raised, then a table
/// | Migration | Total Needed | Completed | with one row per migration. The table's rules differ by program
/// and version (prettytable's `+---+`; cinder/cmd/manage.py prints tabulate's "psql" format, whose `|---+---|` rule sits
/// inside the table): rule lines are skipped.
/// </summary>
public static class OnlineMigrationTable
{
    private const string ErrorPrefix = "Error attempting to run ";

    /// <exception cref="FormatException">No summary table, or a row that is not NAME | number | number.</exception>
    public static IReadOnlyList<MigrationProgress> Parse(string output)
    {
        var rows = new List<MigrationProgress>();
        var header = false;
        foreach (var line in Lines(output))
        {
            if (!line.StartsWith('|'))
            {
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length == 3 && cells[0] == "Migration" && cells[1] is ("Total Needed" or "Total Found"))
            {
                header = true;
                continue;
            }
            if (!header || IsRule(line))
            {
                continue;
            }
            if (cells.Length != 3 || !long.TryParse(cells[1], out var needed) || !long.TryParse(cells[2], out var done))
            {
                throw new FormatException($"online migrations table row '{line}' is not 'name | total needed | completed'");
            }
            rows.Add(new MigrationProgress(cells[0], needed, done));
        }
        return header
            ? rows
            : throw new FormatException("online migrations output holds no '| Migration | Total Needed | Completed |' table");
    }

    private static bool IsRule(string line) => line.All(c => c is '|' or '+' or '-' or '=' or ':');

    /// <summary>Migrations that raised ("Error attempting to run NAME"; nova prints the function's repr).</summary>
    public static IReadOnlyList<string> Errors(string output) =>
        Lines(output)
            .Where(l => l.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            .Select(l => l[ErrorPrefix.Length..].Trim())
            .Select(name => name.StartsWith("<function ", StringComparison.Ordinal) ? name.Split(' ')[1] : name)
            .ToList();

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r').Trim());
}
