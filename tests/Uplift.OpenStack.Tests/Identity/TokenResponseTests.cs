using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class TokenResponseTests
{
    [Fact]
    public void Given_the_upstream_project_scoped_token_When_parsed_Then_expiry_project_user_and_catalog_are_read()
    {
        var token = TokenResponse.Parse(Fixtures.ReadShared("openstack-api/keystone/auth_responses_project-scoped-password.json"), "gAAAAB-subject");

        token.Value.Reveal().ShouldBe("gAAAAB-subject");
        token.ExpiresAt.ShouldBe(new DateTimeOffset(2015, 11, 7, 2, 58, 43, TimeSpan.Zero).AddTicks(5788870));
        token.IssuedAt.ShouldBe(new DateTimeOffset(2015, 11, 7, 1, 58, 43, TimeSpan.Zero).AddTicks(5789290));
        token.ProjectId.ShouldBe("a6944d763bf64ee6a275f1263fae0352");
        token.UserId.ShouldBe("ee4dfb6e5540447cb3741905149d9b6e");
        var identity = token.Catalog.Services.ShouldHaveSingleItem();
        identity.Type.ShouldBe("identity");
        identity.Endpoints.Select(e => e.Interface).ShouldBe(["public", "admin", "internal"]);
        token.Catalog.EndpointFor(["identity"], "internal", "RegionOne").ShouldBe(new Uri("http://example.com/identity"));
    }

    [Fact]
    public void Given_a_body_without_expiry_When_parsed_Then_the_error_says_so()
    {
        Should.Throw<FormatException>(() => TokenResponse.Parse("""{"token": {"catalog": []}}""", "t"))
            .Message.ShouldContain("expires_at");
    }
}
