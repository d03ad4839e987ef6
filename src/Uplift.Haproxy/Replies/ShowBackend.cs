namespace Uplift.Haproxy;

/// <summary>Parses <c>show backend</c>: a "# name" header, then one backend name per line.</summary>
public static class ShowBackend
{
    public static IReadOnlyList<string> Parse(string reply)
    {
        var lines = Fields.Lines(reply);
        if (lines.Length == 0 || lines[0].Trim() != "# name")
        {
            throw new FormatException("show backend output must start with a '# name' header");
        }
        return lines.Skip(1).Where(l => !l.StartsWith('#')).Select(l => l.Trim()).ToList();
    }
}
