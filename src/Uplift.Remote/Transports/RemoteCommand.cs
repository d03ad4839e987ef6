namespace Uplift.Transports;

/// <summary>A command to run on a node through its shell (/bin/sh -c on the node).</summary>
/// <param name="Script">The shell command line. Never put secrets here: it may be logged and shows in the node's process list.</param>
/// <param name="Timeout">Ends the command (on the node too) after this long; null means the transport's default.</param>
/// <param name="StandardInput">Bytes fed to the command's stdin (e.g. a HAProxy command for socat); null closes stdin at once.</param>
/// <param name="Sudo">Run through sudo -n (for nodes reached as a non-root user).</param>
public sealed record RemoteCommand(string Script, TimeSpan? Timeout = null, string? StandardInput = null, bool Sudo = false);
