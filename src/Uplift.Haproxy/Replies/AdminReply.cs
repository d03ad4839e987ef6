using System.Text.RegularExpressions;

namespace Uplift.Haproxy;

/// <summary>
/// Turns HAProxy's error replies into typed exceptions. The runtime API has no status code: a reply is an error
/// when its text says so. Texts from haproxy 2.6 (src/cli.c cli_find_server / cli_has_level / cli_parse_request,
/// src/server.c, src/proxy.c, src/stats.c), checked against /usr/sbin/haproxy 2.6.12 on a live socket:
/// "No such server.", "No such backend.", "Can't find backend." (show servers state|conn), "No such proxy."
/// (show stat), "Permission denied", "Unknown command…" (followed by the usage text).
/// A successful action (set server, enable/disable server) answers only the empty line that ends every reply.
/// </summary>
internal static partial class AdminReply
{
    public static string Check(string location, string command, string reply, string? backend = null, string? server = null,
        bool isAction = false)
    {
        var text = reply.Trim();
        // "set severity-output number|string" prefixes messages with "[3]: " or "[err]: "; tolerate it.
        var first = SeverityPrefix().Replace(text.Split('\n', 2)[0], "").TrimEnd('\r');
        switch (first)
        {
            case "No such server.":
                throw new UnknownServerException(location, command, text, backend ?? "?", server ?? "?");
            case "No such backend." or "Can't find backend." or "No such proxy.":
                throw new UnknownBackendException(location, command, text, backend ?? "?");
        }
        if (first.StartsWith("Permission denied", StringComparison.Ordinal))
        {
            throw new PermissionDeniedException(location, command, text, backend, server);
        }
        if (first.StartsWith("Unknown command", StringComparison.Ordinal))
        {
            throw new UnknownCommandException(location, command, first);
        }
        if (isAction && text.Length > 0)
        {
            throw new CommandRejectedException(location, command, text, backend, server);
        }
        return reply;
    }

    [GeneratedRegex(@"^\[[0-9a-z]+\]: ")]
    private static partial Regex SeverityPrefix();
}
