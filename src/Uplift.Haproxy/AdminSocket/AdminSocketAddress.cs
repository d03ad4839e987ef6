using System.Globalization;
using Uplift.Diagnostics;

namespace Uplift.Haproxy;

/// <summary>
/// Where an admin socket listens: a Unix socket path (<c>/run/haproxy/admin.sock</c>) or a TCP
/// <c>host:port</c> (HAProxy's <c>stats socket ipv4@127.0.0.1:9999</c>).
/// </summary>
public sealed record AdminSocketAddress
{
    private AdminSocketAddress(string? path, string? host, int port)
    {
        UnixPath = path;
        Host = host;
        Port = port;
    }

    /// <summary>The Unix socket path; null for a TCP socket.</summary>
    public string? UnixPath { get; }

    /// <summary>The TCP host; null for a Unix socket.</summary>
    public string? Host { get; }

    /// <summary>The TCP port; 0 for a Unix socket.</summary>
    public int Port { get; }

    public bool IsUnix => UnixPath is not null;

    /// <summary>Reads "PATH" (anything holding a '/') or "HOST:PORT".</summary>
    public static AdminSocketAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        // socat (used on remote nodes) gives ',' ':' '!' and quotes a meaning: refuse them rather than escape them.
        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c is ',' or '!' or '\'' or '"' or '\\' or ';' or '$' or '`'))
        {
            throw new InputException($"'{text}' is not a HAProxy admin socket", hint: "give a Unix socket path such as /run/haproxy/admin.sock, or host:port");
        }
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (text.Contains(':', StringComparison.Ordinal))
            {
                throw new InputException($"admin socket path '{text}' holds a ':'", hint: "rename the socket, or reach it through host:port");
            }
            return new AdminSocketAddress(text, null, 0);
        }
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return new AdminSocketAddress(null, text[..colon].Trim('[', ']'), port);
        }
        throw new InputException($"'{text}' is neither a socket path nor host:port", hint: "e.g. --socket /run/haproxy/admin.sock or --socket 127.0.0.1:9999");
    }

    public override string ToString() => UnixPath ?? $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
