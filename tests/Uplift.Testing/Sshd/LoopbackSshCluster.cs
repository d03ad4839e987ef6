using System.Collections.Concurrent;
using Uplift.Inventory;

namespace Uplift.Testing.Sshd;

/// <summary>
/// Real SSH nodes on this machine: one sshd per node on its own loopback address, sharing a host key,
/// logging in to one /bin/sh account with a generated client key. Any SSH client (Uplift, ansible,
/// parallel-ssh) sees them as real hosts, and one node can be stopped alone. Needs root (it creates the account).
/// Dispose leaves nothing behind: no process, no file, no account.
/// </summary>
public sealed class LoopbackSshCluster : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SshdProcess> _daemons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _byName;
    private readonly LoginAccount _account;

    private LoopbackSshCluster(string directory, IReadOnlyList<Node> nodes, LoginAccount account, SshSettings ssh, string hostPublicKey)
    {
        Directory = directory;
        Nodes = nodes;
        _byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        _account = account;
        Ssh = ssh;
        HostPublicKey = hostPublicKey;
    }

    /// <summary>Where keys, configs and logs live (removed on dispose).</summary>
    public string Directory { get; }

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>How to reach the nodes: the account, port, generated key, known_hosts and an empty ssh config.</summary>
    public SshSettings Ssh { get; }

    /// <summary>The nodes' host key ("ssh-ed25519 AAAA…"), for writing other known_hosts files.</summary>
    public string HostPublicKey { get; }

    /// <summary>The <c>ssh:</c> section of an inventory.yaml that reaches these nodes (docs/inventory.md).</summary>
    public string InventorySshSection() =>
        $"""
        ssh:
          user: {Ssh.User}
          port: {Ssh.Port}
          known_hosts: {Ssh.KnownHostsFile}
          identity: {Ssh.IdentityFile}
          config: {Ssh.ConfigFile}
          connect_timeout: {Ssh.ConnectTimeoutSeconds}

        """;

    /// <param name="nodes">Each node's Address is the loopback address its sshd listens on.</param>
    public static async Task<LoopbackSshCluster> StartAsync(
        IReadOnlyList<Node> nodes, int port, string accountName, CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("loopback sshd nodes run on Linux");
        }
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("starting loopback sshd nodes needs root on Linux (it creates a login account)");
        }
        // Readable by the account (its sessions start in its home below); keys keep their own 0600 mode.
        var directory = Path.Combine("/tmp", "uplift-sshd-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)[..8]);
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        LoginAccount? account = null;
        try
        {
            var hostKey = Path.Combine(directory, "host_ed25519");
            var clientKey = Path.Combine(directory, "client_ed25519");
            var keys = await Task.WhenAll(
                SshKeys.GenerateAsync(hostKey, "uplift-rehearsal-host", cancellationToken),
                SshKeys.GenerateAsync(clientKey, "uplift-rehearsal-client", cancellationToken));
            account = await LoginAccount.CreateAsync(accountName, Path.Combine(directory, "home"), cancellationToken);
            var authorized = Path.Combine(directory, "authorized_keys");
            await File.WriteAllTextAsync(authorized, keys[1] + "\n", cancellationToken);
            var knownHosts = Path.Combine(directory, "known_hosts");
            await File.WriteAllLinesAsync(knownHosts, nodes.Select(n => KnownHosts.Line(n.Address, port, keys[0])), cancellationToken);
            // An empty client config: the user's ~/.ssh/config must not change how rehearsal nodes are reached.
            var clientConfig = Path.Combine(directory, "ssh_config");
            await File.WriteAllTextAsync(clientConfig, "", cancellationToken);
            var ssh = new SshSettings(
                User: accountName, Port: port, KnownHostsFile: knownHosts, IdentityFile: clientKey, ConfigFile: clientConfig, ConnectTimeoutSeconds: 5);
            var cluster = new LoopbackSshCluster(directory, nodes, account, ssh, keys[0]);
            await Task.WhenAll(nodes.Select(n => cluster.StartNodeAsync(n.Name, cancellationToken)));
            return cluster;
        }
        catch
        {
            if (account is not null)
            {
                await account.RemoveAsync(CancellationToken.None);
            }
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Starts the node's sshd (again).</summary>
    public async Task StartNodeAsync(string name, CancellationToken cancellationToken = default)
    {
        var node = _byName[name];
        var config = new SshdConfig([node.Address], Ssh.Port, Path.Combine(Directory, "host_ed25519"), Path.Combine(Directory, "authorized_keys"), _account.Name);
        var configFile = Path.Combine(Directory, $"sshd-{name}.conf");
        await File.WriteAllTextAsync(configFile, config.Render(), cancellationToken);
        var daemon = await SshdProcess.StartAsync(configFile, Path.Combine(Directory, $"sshd-{name}.log"), [node.Address], Ssh.Port, cancellationToken);
        if (!_daemons.TryAdd(name, daemon))
        {
            await daemon.DisposeAsync();
            throw new InvalidOperationException($"the sshd of {name} is already running");
        }
    }

    /// <summary>Stops the node's sshd and every session it serves: the node becomes unreachable.</summary>
    public async Task StopNodeAsync(string name)
    {
        if (_daemons.TryRemove(name, out var daemon))
        {
            await daemon.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_daemons.Keys.ToList().Select(StopNodeAsync));
        await _account.RemoveAsync(CancellationToken.None);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
