namespace Uplift.Nodes;

/// <summary>
/// What an install would change, asked without changing anything: <c>apt-get -s install</c> prints one
/// <c>Inst name [installed] (candidate origin [arch])</c> line per package it would unpack (no "[installed]" for a new
/// one), then <c>Conf</c> lines (apt 2.6 and 3.0, Samples/apt-simulate). Pure.
/// </summary>
public static class AptSimulation
{
    public static string Install(IEnumerable<string> packages) => "LC_ALL=C apt-get -s install " + ShellQuote.Words(packages);

    /// <summary>One package the install would unpack: <see cref="From"/> null when it is new on the node.</summary>
    public sealed record Change(string Package, string? From, string To);

    public static IReadOnlyList<Change> Parse(string standardOutput)
    {
        var changes = new List<Change>();
        foreach (var raw in standardOutput.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith("Inst ", StringComparison.Ordinal))
            {
                continue;
            }
            var rest = line[5..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                continue;
            }
            var package = rest[..space];
            rest = rest[(space + 1)..];
            string? from = null;
            if (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
            {
                from = rest[1..close];
                rest = rest[(close + 1)..].TrimStart();
            }
            if (rest.StartsWith('(') && rest.IndexOfAny([' ', ')']) is var end and > 1)
            {
                changes.Add(new Change(package, from, rest[1..end]));
            }
        }
        return changes;
    }
}
