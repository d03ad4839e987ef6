using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Uplift.OpenStack;

/// <summary>
/// The HTTP handler for a cloud's TLS settings: with <c>cacert</c>, server certificates must chain to that
/// CA alone (the system store is not consulted) and match the host name; without it, the system's CAs.
/// </summary>
public static class CloudTls
{
    public static HttpMessageHandler HandlerFor(CloudConfig cloud)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (cloud.CaCertFile is { } caFile)
        {
            var authorities = LoadAuthorities(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is X509Certificate2 server && IsTrusted(server, authorities, errors);
        }
        return handler;
    }

    /// <summary>True when <paramref name="server"/> chains to one of <paramref name="authorities"/> and names the host.</summary>
    public static bool IsTrusted(X509Certificate2 server, X509Certificate2Collection authorities, SslPolicyErrors errors)
    {
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // Private clouds' CAs rarely publish revocation lists reachable from where Uplift runs.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }

    public static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new Diagnostics.InputException($"cannot read the CA file {caFile}: {e.Message}", null, "cacert in clouds.yaml must name a PEM file");
        }
        if (authorities.Count == 0)
        {
            throw new Diagnostics.InputException($"the CA file {caFile} holds no certificate", null, "cacert in clouds.yaml must name a PEM file");
        }
        return authorities;
    }
}
