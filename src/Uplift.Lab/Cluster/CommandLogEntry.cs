using System.Globalization;

namespace Uplift.Lab;

/// <summary>One line of a node's command log (nodes/&lt;node&gt;/log/commands.log), written by every shim:
/// "start time TAB node TAB exit code TAB command line". Tests read it to prove no action ran twice.</summary>
public sealed record CommandLogEntry(DateTimeOffset Time, string Node, int ExitCode, string CommandLine)
{
    public static IReadOnlyList<CommandLogEntry> Parse(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 4))
            .Where(parts => parts.Length == 4)
            .Select(parts => new CommandLogEntry(
                DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]))];

    /// <summary>Every entry of every node of a lab, in time order.</summary>
    public static IReadOnlyList<CommandLogEntry> ReadAll(LabPaths paths) =>
        [.. Directory.GetDirectories(paths.Nodes)
            .Select(n => Path.Combine(n, "log", "commands.log"))
            .Where(File.Exists)
            .SelectMany(f => Parse(File.ReadAllText(f)))
            .OrderBy(e => e.Time)];
}
