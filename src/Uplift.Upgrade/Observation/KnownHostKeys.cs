using System.Security.Cryptography;
using System.Text;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// The host keys a known_hosts file holds for a node, as SHA256 fingerprints: the keys strict host-key checking lets
/// Uplift reach. Reads plain and hashed ("|1|salt|hmac", HashKnownHosts) entries and "[host]:port" for other ports
/// (OpenSSH sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"); @revoked and @cert-authority lines are not host keys. Pure.
/// </summary>
public static class KnownHostKeys
{
    /// <summary>"SHA256:…" fingerprints of the node's keys, sorted; empty when the file has none for it.</summary>
    public static IReadOnlyList<string> Fingerprints(string knownHosts, string host, int port)
    {
        var name = port == 22 ? host : $"[{host}]:{port}";
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in knownHosts.Split('\n'))
        {
            var fields = raw.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || fields[0].StartsWith('#') || fields[0].StartsWith('@'))
            {
                continue;
            }
            if (fields[0].Split(',').Any(pattern => Matches(pattern, name)) && Fingerprint(fields[2]) is { } fingerprint)
            {
                keys.Add(fingerprint);
            }
        }
        return [.. keys];
    }

    private static bool Matches(string pattern, string name)
    {
        if (!pattern.StartsWith("|1|", StringComparison.Ordinal))
        {
            return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        }
        var parts = pattern.Split('|');
        if (parts.Length != 4)
        {
            return false;
        }
        try
        {
            // OpenSSH's hashed host names are HMAC-SHA1 (hostfile.c): matching them, not protecting anything with it.
#pragma warning disable CA5350
            var hash = HMACSHA1.HashData(Convert.FromBase64String(parts[2]), Encoding.ASCII.GetBytes(name));
#pragma warning restore CA5350
            return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[3]));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Fingerprint(string base64Key)
    {
        try
        {
            return "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(base64Key))).TrimEnd('=');
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
