using System.Text;

namespace Uplift.Haproxy;

/// <summary>
/// Parses <c>show stat</c> CSV (haproxy doc/management.txt "9.1 CSV format"): a "# pxname,svname,…" header,
/// then one line per proxy or server. Fields holding a comma or a quote are quoted as in RFC 4180.
/// </summary>
public static class ShowStat
{
    public static IReadOnlyList<StatRow> Parse(string reply)
    {
        var lines = Fields.Lines(reply);
        if (lines.Length == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException("show stat output must start with a '# pxname,svname,…' header line");
        }
        return ReplyTable.Rows(reply, lines, 0, SplitCsv, "pxname", "svname", "qcur", "scur", "status")
            .Select(f => new StatRow(
                Fields.Text(f, "pxname"), Fields.Text(f, "svname"),
                Fields.Number(f, "qcur"), Fields.Number(f, "scur"), Fields.Text(f, "status"), f))
            .ToList();
    }

    internal static List<string> SplitCsv(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return [.. line.Split(',')];
        }
        var values = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    value.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                values.Add(value.ToString());
                value.Clear();
            }
            else
            {
                value.Append(c);
            }
        }
        values.Add(value.ToString());
        return values;
    }
}
