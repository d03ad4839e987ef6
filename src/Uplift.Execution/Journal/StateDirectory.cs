namespace Uplift.Execution.Journal;

/// <summary>
/// Where Uplift keeps its journals and locks: --state-dir, else $UPLIFT_STATE_DIR, else $XDG_STATE_HOME/uplift,
/// else ~/.local/state/uplift (XDG base directory spec). One journal and one lock file per cluster.
/// </summary>
public sealed class StateDirectory(string path)
{
    public string Path { get; } = path;

    /// <exception cref="Diagnostics.InputException">The state directory names a file, or lies under one.</exception>
    public static StateDirectory Resolve(string? option, Func<string, string?>? environment = null)
    {
        var directory = Choose(option, environment ?? Environment.GetEnvironmentVariable);
        for (var at = System.IO.Path.GetFullPath(directory.Path); !string.IsNullOrEmpty(at); at = System.IO.Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                throw new Diagnostics.InputException($"the state directory {directory.Path} {(at == System.IO.Path.GetFullPath(directory.Path) ? "is a file" : $"lies under the file {at}")}, not a directory",
                    hint: "give --state-dir a directory (it is created when missing), e.g. ~/.local/state/uplift");
            }
            if (Directory.Exists(at))
            {
                break;
            }
        }
        return directory;
    }

    private static StateDirectory Choose(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new StateDirectory(option);
        }
        if (environment("UPLIFT_STATE_DIR") is { Length: > 0 } fromUplift)
        {
            return new StateDirectory(fromUplift);
        }
        if (environment("XDG_STATE_HOME") is { Length: > 0 } xdg)
        {
            return new StateDirectory(System.IO.Path.Combine(xdg, "uplift"));
        }
        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new StateDirectory(System.IO.Path.Combine(home, ".local", "state", "uplift"));
    }

    /// <summary>Creates a folder only its owner may enter (0700): journals, locks and backups hold run data.</summary>
    public string JournalOf(string cluster) => System.IO.Path.Combine(Path, FileName(cluster) + ".journal.sqlite");

    public string LockOf(string cluster) => System.IO.Path.Combine(Path, FileName(cluster) + ".lock");

    /// <summary>The folder of the cluster's run logs, one file per run.</summary>
    public string LogsOf(string cluster) => System.IO.Path.Combine(Path, "logs", FileName(cluster));

    /// <summary>The folder of the cluster's run reports and the data each run kept for them.</summary>
    public string ReportsOf(string cluster) => System.IO.Path.Combine(Path, "reports", FileName(cluster));

    // Cluster names come from the inventory: keep them readable but never let them leave the directory.
    private static string FileName(string cluster)
    {
        var name = new string(cluster.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return name.Trim('.').Length > 0 ? name : "cluster";
    }
}
