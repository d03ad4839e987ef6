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

    /// <summary>Every package to its candidate, new dependencies included, keeping changed conffiles.</summary>
    public const string DistUpgrade = "DEBIAN_FRONTEND=noninteractive apt-get dist-upgrade -y -o Dpkg::Options::=--force-confold";

    /// <summary>Prints the sources file (nothing if it does not exist yet).</summary>
    public static string ReadSources(string file) => "cat " + ShellQuote.Word(file) + " 2>/dev/null || true";

    /// <summary>The node's Debian codename (os-release(5) VERSION_CODENAME: "bookworm", "trixie").</summary>
    public const string ReadCodename = ". /etc/os-release && echo \"$VERSION_CODENAME\"";

    /// <summary>A filter that puts the node's codename where a template says {codename}.</summary>
    public const string FillCodename = "sed \"s/{codename}/$(. /etc/os-release && echo \"$VERSION_CODENAME\")/g\"";

    /// <summary>Replaces the whole file Uplift owns with <paramref name="content"/> (its lines), then removes the files it
    /// replaces (earlier releases' sources).</summary>
    public static string WriteSources(string file, string content, IReadOnlyList<string>? replaced = null) =>
        "printf '%s\\n' " + ShellQuote.Word(content.TrimEnd('\n')) + " > " + ShellQuote.Word(file) +
        (replaced is { Count: > 0 } ? " && rm -f " + ShellQuote.Words(replaced) : "");

    /// <summary>Lists which of the files exist.</summary>
    public static string Existing(IReadOnlyList<string> files) =>
        "for f in " + ShellQuote.Words(files) + "; do [ -e \"$f\" ] && echo \"$f\"; done; true";

    /// <summary>The file holds exactly those lines (blank lines and comments aside).</summary>
    public static bool SourcesAreSet(string content, string expected) =>
        Meaningful(content).SequenceEqual(Meaningful(expected));

    private static IEnumerable<string> Meaningful(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
