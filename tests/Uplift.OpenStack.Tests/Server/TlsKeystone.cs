using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Uplift.Tests.OpenStack;

/// <summary>
/// A tiny HTTPS Keystone on 127.0.0.1 (TcpListener + SslStream) whose certificate is signed by a CA made for
/// the test; it answers every request with a token. Counts the requests that arrived over a completed handshake.
/// </summary>
public sealed class TlsKeystone : IDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private int _answered;

    public TlsKeystone(X509Certificate2 serverCertificate)
    {
        _certificate = serverCertificate;
        _listener = Bind();
        Url = new Uri($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v3");
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Answered => Volatile.Read(ref _answered);

    /// <summary>A CA (key usage: certificate signing) with the given common name.</summary>
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>A server certificate for 127.0.0.1 signed by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 CreateServerCertificate(X509Certificate2 authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var signed = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        // SslStream on Linux wants a certificate whose key is not ephemeral: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _certificate.Dispose();
        _stop.Dispose();
    }

    private static TcpListener Bind()
    {
        for (var attempt = 0; attempt < TestPorts.Count; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, TestPorts.Next());
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }
        throw new InvalidOperationException("no free port in 127.0.0.1:28900-28999");
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                if (!await ReadRequestAsync(tls))
                {
                    return; // the client closed after the handshake: it did not trust us
                }
                Interlocked.Increment(ref _answered);
                var body = """{"token": {"expires_at": "2099-01-01T00:00:00.000000Z", "catalog": []}}""";
                var response = $"HTTP/1.1 201 Created\r\nX-Subject-Token: tls-token\r\nContent-Type: application/json\r\n" +
                    $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
                await tls.WriteAsync(Encoding.UTF8.GetBytes(response));
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The client refused our certificate: that is what some tests expect.
            }
        }
    }

    private static async Task<bool> ReadRequestAsync(Stream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return false;
            }
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        var headers = received.ToString()[..headerEnd];
        var lengthLine = headers.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var have = Encoding.UTF8.GetByteCount(received.ToString()[(headerEnd + 4)..]);
        while (have < length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return false;
            }
            have += read;
        }
        return true;
    }
}
