namespace Uplift.Nodes;

/// <summary>Free space of a file system, from POSIX <c>df -P -k</c> (one header line, then one line per file system).</summary>
public static class DiskSpace
{
    public static string Command(string path) => "df -P -k " + ShellQuote.Word(path);

    /// <summary>Available kilobytes: the 4th column of the last line (POSIX output keeps each file system on one line).</summary>
    public static long AvailableKilobytes(string standardOutput)
    {
        var lines = standardOutput.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var fields = lines.Count >= 2 ? lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return fields.Length >= 6 && long.TryParse(fields[3], out var available)
            ? available
            : throw new FormatException($"df printed no file system line: '{standardOutput.Trim()}'");
    }
}
