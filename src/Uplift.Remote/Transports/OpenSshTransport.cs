using System.Collections.Concurrent;
using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>
/// Reaches nodes through the system OpenSSH client, one master connection per node (ControlMaster) reused by
/// every command: a command over an open master costs a few milliseconds instead of a full handshake.
/// The control sockets live in a private (0700) directory of this transport; dispose closes the masters
/// (<c>ssh -O exit</c>) and removes the directory.
/// </summary>
public sealed class OpenSshTransport : ITransport
{
    // sun_path holds 108 bytes; ssh adds ".XXXXXXXXXXXXXXXX" to the path while it binds the master's socket.
    private const int SocketPathLimit = 100;
    private readonly SshSettings _settings;
    private readonly OpenSshOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, OpenSshShell> _shells = new(StringComparer.Ordinal);
    private int _sockets;

    public OpenSshTransport(SshSettings settings, OpenSshOptions? options = null, TimeProvider? time = null)
    {
        _settings = settings;
        _options = options ?? new OpenSshOptions();
        _time = time ?? TimeProvider.System;
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the OpenSSH transport runs on Linux and other Unix systems");
        }
        if (OpenSshArguments.MissingIdentity(settings) is { } missing)
        {
            // Found before any connection: ssh would only warn and then fail every node's login with "Permission denied".
            throw new Diagnostics.InputException($"the ssh identity file {missing} does not exist or cannot be read: nothing was done",
                hint: "fix ssh.identity in the inventory (or remove it to use the agent and ~/.ssh/config)");
        }
        var parent = _options.ControlDirectoryParent ?? "/tmp";
        ControlDirectories.RemoveLeftovers(parent);
        ControlDirectory = ControlDirectories.NewPath(parent);
        if (ControlDirectory.Length + 24 > SocketPathLimit)
        {
            throw new ArgumentException(
                $"control socket directory {ControlDirectory} is too long for a Unix socket path ({SocketPathLimit} bytes): choose a shorter parent directory",
                nameof(options));
        }
        Directory.CreateDirectory(ControlDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The private directory holding this transport's control sockets.</summary>
    public string ControlDirectory { get; }

    public IRemoteShell ShellFor(Node node) => Shell(node);

    internal OpenSshShell Shell(Node node) =>
        _shells.GetOrAdd(node.Name, _ => new OpenSshShell(
            node.Name,
            SshDestination.For(node, _settings),
            _settings,
            _options,
            Path.Combine(ControlDirectory, "m" + Interlocked.Increment(ref _sockets)),
            _time));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_shells.Values.Select(s => s.CloseMasterAsync()));
        _shells.Clear();
        try
        {
            Directory.Delete(ControlDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
