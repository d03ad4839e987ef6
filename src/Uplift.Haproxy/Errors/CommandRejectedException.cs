namespace Uplift.Haproxy;

/// <summary>HAProxy answered an action with a message it prints only on failure (any reply but an empty line).</summary>
public sealed class CommandRejectedException(string location, string command, string haproxyText, string? backend, string? server)
    : HaproxyException("HAProxy rejected the command", location, command, haproxyText, backend, server);
