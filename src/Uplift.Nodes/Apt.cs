namespace Uplift.Nodes;

/// <summary>apt-get commands as Uplift runs them on nodes.</summary>
public static class Apt
{
    /// <summary>
    /// Installs or upgrades exactly the named packages without questions, keeping the operator's changed config files
    /// (--force-confold: dpkg keeps the installed version of a modified conffile).
    /// </summary>
    public static string Install(IEnumerable<string> packages) =>
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold " + ShellQuote.Words(packages);

    /// <summary>Puts packages to the given versions ("name=version"), downgrading them (a rollback), keeping changed conffiles.</summary>
    public static string Downgrade(IEnumerable<(string Package, string Version)> targets) =>
        "DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades -o Dpkg::Options::=--force-confold " +
        ShellQuote.Words(targets.Select(t => $"{t.Package}={t.Version}"));

    public static string Update => "apt-get update";

    /// <summary>Prints the sources file (nothing if it does not exist yet).</summary>
    public static string ReadSources(string file) => "cat " + ShellQuote.Word(file) + " 2>/dev/null || true";

    /// <summary>Replaces the whole file Uplift owns with the one line for the target release.</summary>
    public static string WriteSources(string file, string line) =>
        "printf '%s\\n' " + ShellQuote.Word(line) + " > " + ShellQuote.Word(file);

    /// <summary>The file holds exactly that line (blank lines and comments aside).</summary>
    public static bool SourcesAreSet(string content, string line)
    {
        var lines = content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return lines.Count == 1 && lines[0] == line.Trim();
    }
}
