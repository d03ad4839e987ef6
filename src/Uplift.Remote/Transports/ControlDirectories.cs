using System.Globalization;
using System.Text.RegularExpressions;

namespace Uplift.Transports;

/// <summary>
/// Names of the transports' private control-socket directories: <c>uplift-PID-RANDOM</c>. A process killed
/// outright (SIGKILL, power loss) cannot remove its own; the next transport removes those whose process is gone.
/// </summary>
internal static partial class ControlDirectories
{
    public static string NewPath(string parent) =>
        Path.Combine(parent, string.Create(CultureInfo.InvariantCulture,
            $"uplift-{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)[..6]}"));

    /// <summary>Removes the directories of processes that no longer run (their masters exit by ControlPersist).</summary>
    public static void RemoveLeftovers(string parent)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, "uplift-*-*").ToList();
        }
        catch (IOException)
        {
            return;
        }
        foreach (var directory in candidates)
        {
            var match = Name().Match(Path.GetFileName(directory));
            if (!match.Success || Directory.Exists($"/proc/{match.Groups[1].Value}"))
            {
                continue;
            }
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another transport removed it first, or it belongs to another user.
            }
        }
    }

    [GeneratedRegex("^uplift-([0-9]+)-[a-z0-9]{6}$")]
    private static partial Regex Name();
}
