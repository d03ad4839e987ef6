using System.Collections.Concurrent;
using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>
/// Reaches nodes through the system OpenSSH client, one master connection per node (ControlMaster) reused by
/// every command: a command over an open master costs a few milliseconds instead of a full handshake.
/// The control sockets live in a private (0700) directory of this transport; dispose closes the masters
/// (<c>ssh -O exit</c>) and removes the directory. With <see cref="OpenSshOptions.KeepMasters"/> they live in the user's
/// own directory instead and stay open after dispose for ControlPersist of idleness, for the next invocation.
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
        if (_options.KeepMasters && (_options.ControlDirectoryParent is null ? ControlDirectories.Shared(SocketPathLimit)
            : Path.Combine(_options.ControlDirectoryParent, "uplift-ssh")) is { } shared)
        {
            Directory.CreateDirectory(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            ControlDirectory = shared;
            Keeps = true;
            return;
        }
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

    /// <summary>Whether the masters outlive the transport (<see cref="OpenSshOptions.KeepMasters"/> and a usable shared directory).</summary>
    public bool Keeps { get; }

    public IRemoteShell ShellFor(Node node) => Shell(node);

    internal OpenSshShell Shell(Node node) =>
        _shells.GetOrAdd(node.Name, _ => new OpenSshShell(
            node.Name,
            SshDestination.For(node, _settings),
            _settings,
            _options,
            Path.Combine(ControlDirectory, Keeps ? ControlDirectories.SocketName(Connection(node)) : "m" + Interlocked.Increment(ref _sockets)),
            _time));

    // Everything that decides which connection a master is: who, where, through what, checked against which keys.
    private string Connection(Node node)
    {
        var to = SshDestination.For(node, _settings);
        return string.Join('\n', to.User, to.Host, to.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _settings.JumpHost ?? "",
            _settings.IdentityFile ?? "", _settings.ConfigFile ?? "", _settings.KnownHostsFile ?? "", _settings.StrictHostKeyChecking, _options.AcceptNewHostKeys);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_shells.Values.Select(s => Keeps ? s.CloseSessionsAsync() : s.CloseMasterAsync()));
        _shells.Clear();
        if (Keeps)
        {
            return;
        }
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
