namespace Uplift.Haproxy;

/// <summary>The admin socket could not be reached (no such socket, refused, socat missing on the node, timeout).</summary>
public sealed class AdminSocketUnreachableException(string location, string command, string reason, string hint, Exception? inner = null)
    : HaproxyException($"cannot reach the HAProxy admin socket: {reason}", location, command, hint: hint, inner: inner)
{
    public string Reason { get; } = reason;
}
