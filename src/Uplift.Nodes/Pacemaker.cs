namespace Uplift.Nodes;

/// <summary>crmsh commands: where a resource runs, and node standby for minor updates.</summary>
public static class Pacemaker
{
    private const string RunningOn = " is running on: ";

    public static string Locate(string resource) => "crm resource locate " + ShellQuote.Word(resource);

    /// <summary>
    /// Parses "resource RES is running on: NODE" lines (one per node for clones; crmsh prints
    /// "resource RES is NOT running" when it runs nowhere, which yields no node).
    /// </summary>
    public static IReadOnlyList<string> ParseLocate(string resource, string standardOutput)
    {
        var nodes = new List<string>();
        foreach (var raw in standardOutput.Split('\n'))
        {
            var line = raw.Trim();
            var at = line.IndexOf(RunningOn, StringComparison.Ordinal);
            if (at > 0 && line[..at].Split(' ').LastOrDefault() == resource)
            {
                var node = line[(at + RunningOn.Length)..].Trim();
                // Pacemaker 2 appends the role for promotable clones: "NODE Promoted".
                nodes.Add(node.Split(' ')[0]);
            }
        }
        return nodes;
    }

    public static string Standby(string node) => "crm node standby " + ShellQuote.Word(node);

    public static string Online(string node) => "crm node online " + ShellQuote.Word(node);
}
