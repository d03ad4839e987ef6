using System.Globalization;
using System.Text;

namespace Uplift.Testing.Sshd;

/// <summary>
/// An sshd_config for a rehearsal node (pure): key-only logins of one account on the given loopback addresses,
/// nothing read from /etc/ssh, no PAM (no motd, no session modules: a command costs what the shell costs).
/// </summary>
/// <param name="ListenAddresses">Addresses sshd listens on (one sshd serves at most 16).</param>
/// <param name="HostKeyFile">Private host key.</param>
/// <param name="AuthorizedKeysFile">Keys allowed to log in (an absolute path: the account's home stays empty).</param>
/// <param name="Account">The only account allowed to log in.</param>
public sealed record SshdConfig(
    IReadOnlyList<string> ListenAddresses,
    int Port,
    string HostKeyFile,
    string AuthorizedKeysFile,
    string Account)
{
    /// <summary>sshd refuses more ListenAddress lines than this (MAX_LISTEN_SOCKS in sshd.c).</summary>
    public const int MaxListenAddresses = 16;

    public string Render()
    {
        if (ListenAddresses.Count is 0 or > MaxListenAddresses)
        {
            throw new ArgumentException($"sshd listens on 1 to {MaxListenAddresses} addresses, not {ListenAddresses.Count}");
        }
        var text = new StringBuilder();
        foreach (var address in ListenAddresses)
        {
            text.Append(CultureInfo.InvariantCulture, $"ListenAddress {address}:{Port}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"HostKey {HostKeyFile}\n");
        text.Append(CultureInfo.InvariantCulture, $"AuthorizedKeysFile {AuthorizedKeysFile}\n");
        text.Append(CultureInfo.InvariantCulture, $"AllowUsers {Account}\n");
        text.Append("""
            PidFile none
            UsePAM no
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            UseDNS no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            LogLevel ERROR
            MaxSessions 100
            MaxStartups 200:30:400
            LoginGraceTime 30

            """.Replace("\r", "", StringComparison.Ordinal));
        return text.ToString();
    }
}
