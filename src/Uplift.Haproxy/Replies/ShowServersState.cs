namespace Uplift.Haproxy;

/// <summary>
/// Parses <c>show servers state [BE]</c> (haproxy doc/management.txt): a format version line ("1"), a
/// "# be_id be_name …" header, then one space-separated line per server; other '#' lines are comments.
/// </summary>
public static class ShowServersState
{
    public static IReadOnlyList<ServerState> Parse(string reply)
    {
        var lines = Fields.Lines(reply);
        if (lines.Length < 2 || !int.TryParse(lines[0], out _) || !lines[1].StartsWith("# ", StringComparison.Ordinal))
        {
            throw new FormatException("show servers state output must start with a format version line and a '# be_id be_name …' header");
        }
        return ReplyTable.Rows(reply, lines, 1, Words, "be_name", "srv_name", "srv_op_state", "srv_admin_state")
            .Select(f => new ServerState(
                Fields.Number(f, "be_id"), Fields.Text(f, "be_name"), Fields.Number(f, "srv_id"), Fields.Text(f, "srv_name"),
                Fields.Text(f, "srv_addr"), (int?)Fields.Number(f, "srv_port"),
                (ServerOperationalState)(Fields.Number(f, "srv_op_state") ?? throw Missing("srv_op_state", f)),
                (ServerAdminState)(Fields.Number(f, "srv_admin_state") ?? throw Missing("srv_admin_state", f)),
                f))
            .ToList();
    }

    internal static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static FormatException Missing(string column, IReadOnlyDictionary<string, string> fields) =>
        new($"server '{Fields.Text(fields, "srv_name")}' has no number in column {column}");
}
