namespace Uplift.Nodes;

/// <summary>
/// Asks what a repository offers without changing the node's APT state: "apt-get update" and "apt-cache policy" with
/// their own sources list and lists directory in a temporary folder (-o Dir::Etc::SourceList, Dir::Etc::SourceParts,
/// Dir::State::Lists; no package cache written), removed afterwards. The node's sources, lists and packages stay as
/// they were (checked against apt 2.6 here: its /var/lib/apt/lists is untouched). The source lines may be several (one
/// per suite) and hold {codename}, filled with the node's own.
/// </summary>
public static class AptSandbox
{
    public static string Policy(string sourceLine, IEnumerable<string> packages)
    {
        const string options = "-o Dir::Etc::SourceList=\"$d/sources.list\" -o Dir::Etc::SourceParts=\"$d/parts\" " +
            "-o Dir::State::Lists=\"$d/lists\" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=";
        // The folder is readable by apt's download user (_apt), so downloads stay sandboxed.
        return "d=$(mktemp -d) && chmod 755 \"$d\" && mkdir -p \"$d/lists/partial\" && " +
            "printf '%s\\n' " + ShellQuote.Word(sourceLine) + " | " + Apt.FillCodename + " > \"$d/sources.list\" && " +
            "{ chown _apt \"$d/lists/partial\" 2>/dev/null; true; } && " +
            $"apt-get update -qq {options} >&2 && apt-cache {options} policy {ShellQuote.Words(packages)}; " +
            "r=$?; rm -rf \"$d\"; exit $r";
    }
}
