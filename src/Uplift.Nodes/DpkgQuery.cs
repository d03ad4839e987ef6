namespace Uplift.Nodes;

/// <summary>
/// Asks dpkg which packages are installed. dpkg-query exits 1 when a named package is unknown, still lists the
/// known ones (sorted by name) and writes "dpkg-query: no packages found matching NAME" to stderr
/// (captured in shared/fixtures/apt/, dpkg 1.21).
/// </summary>
public static class DpkgQuery
{
    private const string UnknownPrefix = "dpkg-query: no packages found matching ";

    public static string Command(IEnumerable<string> packages) =>
        "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\n' " + ShellQuote.Words(packages);

    /// <summary>The same with a fourth field: when each package's files were last written (install time).</summary>
    public static string CommandWithInstallTime(IEnumerable<string> packages) =>
        "dpkg-query -W -f='${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${db-fsys:Last-Modified}\\n' " + ShellQuote.Words(packages);

    /// <summary>Parses stdout and stderr; fails on an exit code or stderr line it cannot explain.</summary>
    public static DpkgQueryResult Parse(int exitCode, string standardOutput, string standardError)
    {
        var packages = new List<InstalledPackage>();
        foreach (var line in Lines(standardOutput))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3)
            {
                throw new FormatException($"dpkg-query printed a line without 3 tab-separated fields: '{line}'");
            }
            long? modified = fields.Length > 3 && long.TryParse(fields[3], System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
            packages.Add(new InstalledPackage(fields[0], fields[1], fields[2], modified));
        }
        var unknown = new List<string>();
        foreach (var line in Lines(standardError))
        {
            if (!line.StartsWith(UnknownPrefix, StringComparison.Ordinal))
            {
                throw new FormatException($"dpkg-query failed: {line}");
            }
            unknown.Add(line[UnknownPrefix.Length..].Trim());
        }
        if (exitCode != 0 && (exitCode != 1 || unknown.Count == 0))
        {
            throw new FormatException($"dpkg-query exited {exitCode}: {standardError.Trim()}");
        }
        return new DpkgQueryResult(packages, unknown);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);
}
