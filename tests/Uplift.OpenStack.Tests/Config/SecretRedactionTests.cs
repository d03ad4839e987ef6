using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class SecretRedactionTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public void Given_a_cloud_with_a_password_When_printed_Then_the_password_is_redacted()
    {
        var cloud = new CloudConfig("prod", new Uri("https://ks/v3"),
            new CloudCredentials(AuthMethod.Password, new Secret(Password), new UserRef(Name: "admin")),
            new AuthScope(new ProjectRef(Id: "p1")));

        var printed = cloud.ToString();

        printed.ShouldNotContain(Password);
        printed.ShouldContain(Secret.Redacted);
        printed.ShouldContain("admin");
        $"{cloud.Credentials}".ShouldNotContain(Password);
    }

    [Fact]
    public void Given_an_application_credential_When_printed_Then_the_secret_is_redacted()
    {
        var credentials = new CloudCredentials(AuthMethod.ApplicationCredential, new Secret(Password), ApplicationCredentialId: "ac1");

        credentials.ToString().ShouldNotContain(Password);
        credentials.ToString().ShouldContain("ac1");
    }

    [Fact]
    public void Given_a_token_When_printed_Then_the_token_is_redacted()
    {
        var token = new KeystoneToken(new Secret("gAAAAABtoken"), DateTimeOffset.UnixEpoch, new ServiceCatalog([]));

        token.ToString().ShouldNotContain("gAAAAABtoken");
        token.Value.Reveal().ShouldBe("gAAAAABtoken");
    }

    [Fact]
    public void Given_two_secrets_When_compared_Then_equal_text_is_equal()
    {
        new Secret("a").ShouldBe(new Secret("a"));
        new Secret("a").ShouldNotBe(new Secret("b"));
    }
}
