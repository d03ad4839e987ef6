namespace Uplift.Haproxy;

/// <summary>
/// Parses <c>show servers conn [BE]</c> (haproxy doc/management.txt): a "# bkname/svname bkid/svid addr port …"
/// header, then one line per server; the last column, idle_per_thr[N], spans one value per thread.
/// </summary>
public static class ShowServersConn
{
    public static IReadOnlyList<ServerConnections> Parse(string reply)
    {
        var lines = Fields.Lines(reply);
        if (lines.Length == 0 || !lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException("show servers conn output must start with a '# bkname/svname …' header");
        }
        return ReplyTable.Rows(reply, lines, 0, ShowServersState.Words, "bkname/svname")
            .Select(f =>
            {
                var names = Fields.Text(f, "bkname/svname").Split('/', 2);
                return new ServerConnections(
                    names[0], names.Length > 1 ? names[1] : "", Fields.Text(f, "addr"), (int?)Fields.Number(f, "port"),
                    Fields.Number(f, "used_cur"), Fields.Number(f, "idle_cur"), f);
            })
            .ToList();
    }
}
