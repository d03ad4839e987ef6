namespace Uplift.Inventory;

/// <summary>How Uplift reaches nodes through the system OpenSSH client.</summary>
/// <param name="User">Default login user.</param>
/// <param name="Port">Default SSH port.</param>
/// <param name="KnownHostsFile">known_hosts file to check host keys against; null means OpenSSH's default.</param>
/// <param name="IdentityFile">Private key; null means the agent or the user's ssh config.</param>
/// <param name="JumpHost">ProxyJump destination (user@host:port); null for direct connections.</param>
/// <param name="Sudo">Prefix remote commands with sudo -n (for non-root users).</param>
/// <param name="StrictHostKeyChecking">Refuse unknown host keys (the default). Turning it off accepts new keys only.</param>
/// <param name="ConfigFile">An ssh_config file to use instead of the user's; null keeps the user's.</param>
/// <param name="ConnectTimeoutSeconds">Seconds to wait for the TCP connection and handshake.</param>
public sealed record SshSettings(
    string User = "root",
    int Port = 22,
    string? KnownHostsFile = null,
    string? IdentityFile = null,
    string? JumpHost = null,
    bool Sudo = false,
    bool StrictHostKeyChecking = true,
    string? ConfigFile = null,
    int ConnectTimeoutSeconds = 10);
