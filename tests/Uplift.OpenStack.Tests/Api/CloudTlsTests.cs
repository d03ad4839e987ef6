using System.Security.Cryptography.X509Certificates;
using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

/// <summary>cacert from clouds.yaml against a real TLS server: only that CA is trusted.</summary>
public sealed class CloudTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uplift-tls-").FullName;
    private readonly X509Certificate2 _authority = TlsKeystone.CreateAuthority("Uplift Test Cloud CA");
    private readonly X509Certificate2 _stranger = TlsKeystone.CreateAuthority("Some Other CA");

    [Fact]
    public async Task Given_cacert_naming_the_signing_CA_When_authenticating_over_https_Then_the_server_is_trusted()
    {
        using var keystone = new TlsKeystone(TlsKeystone.CreateServerCertificate(_authority));
        using var session = new OpenStackSession(Cloud(keystone.Url, WritePem("ca.pem", _authority)), TimeProvider.System);

        var token = await session.TokenAsync();

        token.Value.Reveal().ShouldBe("tls-token");
        keystone.Answered.ShouldBe(1);
    }

    [Fact]
    public async Task Given_cacert_naming_another_CA_When_authenticating_Then_it_is_refused_and_says_to_set_cacert()
    {
        using var keystone = new TlsKeystone(TlsKeystone.CreateServerCertificate(_authority));
        using var session = new OpenStackSession(Cloud(keystone.Url, WritePem("other.pem", _stranger)), TimeProvider.System);

        var error = await Should.ThrowAsync<OpenStackApiException>(() => session.TokenAsync());

        error.Message.ShouldContain("the TLS certificate of keystone at https://127.0.0.1:");
        error.Message.ShouldContain("set cacert in clouds.yaml");
        keystone.Answered.ShouldBe(0);
    }

    [Fact]
    public void Given_a_certificate_When_checked_against_the_CA_file_Then_only_its_own_CA_and_a_matching_name_pass()
    {
        using var server = TlsKeystone.CreateServerCertificate(_authority);
        var ours = CloudTls.LoadAuthorities(WritePem("ca.pem", _authority));
        var theirs = CloudTls.LoadAuthorities(WritePem("other.pem", _stranger));

        CloudTls.IsTrusted(server, ours, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeTrue();
        CloudTls.IsTrusted(server, theirs, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeFalse();
        CloudTls.IsTrusted(server, ours, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch).ShouldBeFalse();
    }

    [Fact]
    public void Given_a_CA_file_without_certificates_When_loaded_Then_the_error_names_the_file()
    {
        var empty = Path.Combine(_directory, "empty.pem");
        File.WriteAllText(empty, "not a certificate\n");

        Should.Throw<Diagnostics.InputException>(() => CloudTls.LoadAuthorities(empty)).Message.ShouldContain(empty);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _stranger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static CloudConfig Cloud(Uri authUrl, string caFile) => new(
        "tls", authUrl,
        new CloudCredentials(AuthMethod.ApplicationCredential, new Secret("s"), ApplicationCredentialId: "ac1"),
        new AuthScope(), CaCertFile: caFile);

    private string WritePem(string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
