namespace Uplift.Database;

/// <summary>What one read of a dump found (see <see cref="DatabaseCommandLines.Inspect"/>).</summary>
/// <param name="GzipStatus">gzip -dc's exit status: 0 for an intact file.</param>
/// <param name="Trailer">mysqldump's last line ("-- Dump completed") was reached: the dump was not cut off.</param>
/// <param name="QualifiedLines">Definition lines naming the schema explicitly.</param>
public sealed record DumpInspection(int GzipStatus, bool Trailer, int QualifiedLines)
{
    /// <summary>Parses "gzip=0 trailer=1 qualified=0".</summary>
    public static DumpInspection Parse(string output)
    {
        var fields = output.Trim().Split(' ')
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => int.TryParse(kv[1], out var n) ? n : -1);
        return fields.TryGetValue("gzip", out var gzip) && fields.TryGetValue("trailer", out var trailer) && fields.TryGetValue("qualified", out var qualified)
            ? new DumpInspection(gzip, trailer == 1, qualified)
            : throw new FormatException($"dump inspection printed '{output.Trim()}', expected 'gzip=N trailer=N qualified=N'");
    }
}
