namespace Uplift.Haproxy;

/// <summary>The socket's level is too low for the command ("Permission denied").</summary>
public sealed class PermissionDeniedException(string location, string command, string haproxyText, string? backend, string? server)
    : HaproxyException("HAProxy refused the command on this socket", location, command, haproxyText, backend, server,
        "use a socket declared with 'stats socket <path> level admin'");
