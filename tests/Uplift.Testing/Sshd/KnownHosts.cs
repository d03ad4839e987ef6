using System.Globalization;

namespace Uplift.Testing.Sshd;

/// <summary>known_hosts lines (pure): a host on a port other than 22 is written <c>[host]:port</c> (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT).</summary>
public static class KnownHosts
{
    /// <param name="publicKey">The host's public key line: "type base64 [comment]".</param>
    public static string Line(string host, int port, string publicKey)
    {
        var parts = publicKey.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new ArgumentException($"not a public key line: {publicKey}", nameof(publicKey));
        }
        var name = port == 22 ? host : string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}");
        return $"{name} {parts[0]} {parts[1]}";
    }
}
