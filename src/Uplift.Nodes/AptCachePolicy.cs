namespace Uplift.Nodes;

/// <summary>
/// Reads <c>apt-cache policy PKG…</c>: a "name:" line per package, then "Installed:", "Candidate:" and a version table
/// whose installed entry is marked " *** ". An unknown package prints nothing and the command still exits 0
/// (captured in shared/fixtures/apt/, apt 2.6).
/// </summary>
public static class AptCachePolicy
{
    public static string Command(IEnumerable<string> packages) => "apt-cache policy " + ShellQuote.Words(packages);

    public static IReadOnlyList<PackagePolicy> Parse(string standardOutput)
    {
        var result = new List<PackagePolicy>();
        string? name = null, installed = null, candidate = null;
        var versions = new List<string>();
        var offered = new List<string>();
        void Flush()
        {
            if (name is not null)
            {
                result.Add(new PackagePolicy(name, installed, candidate, [.. versions]) { Offered = [.. offered.Distinct(StringComparer.Ordinal)] });
            }
            (installed, candidate) = (null, null);
            versions.Clear();
            offered.Clear();
        }
        foreach (var raw in standardOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }
            if (!char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                Flush();
                name = line[..^1];
                continue;
            }
            var text = line.Trim();
            if (text.StartsWith("Installed:", StringComparison.Ordinal))
            {
                installed = VersionOrNone(text["Installed:".Length..]);
            }
            else if (text.StartsWith("Candidate:", StringComparison.Ordinal))
            {
                candidate = VersionOrNone(text["Candidate:".Length..]);
            }
            else if (IsVersionRow(line))
            {
                // " *** 1:9.2p1-2+deb12u10 500" or "     1:9.2p1-2+deb12u9 500": version then priority.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                versions.Add(words[0] == "***" ? words[1] : words[0]);
            }
            else if (versions.Count > 0 && line.StartsWith("        ", StringComparison.Ordinal) && !text.EndsWith("/var/lib/dpkg/status", StringComparison.Ordinal))
            {
                // A source row under the last version: "500 http://… Packages" offers it; "100 /var/lib/dpkg/status" does not.
                offered.Add(versions[^1]);
            }
        }
        Flush();
        return result;
    }

    private static string? VersionOrNone(string value)
    {
        var version = value.Trim();
        return version.Length == 0 || version == "(none)" ? null : version;
    }

    // Version rows are indented by 5 (" *** " or 5 spaces); their source rows ("500 http://…") by 8.
    private static bool IsVersionRow(string line) =>
        line.StartsWith(" *** ", StringComparison.Ordinal) ||
        (line.StartsWith("     ", StringComparison.Ordinal) && !line.StartsWith("        ", StringComparison.Ordinal));
}
