using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class AuthRequestBodyTests
{
    [Fact]
    public void Given_a_user_id_and_a_project_by_name_When_built_Then_the_body_is_the_upstream_password_sample()
    {
        var credentials = new CloudCredentials(AuthMethod.Password, new Secret("devstacker"), new UserRef(Id: "ee4dfb6e5540447cb3741905149d9b6e"));
        var scope = new AuthScope(new ProjectRef(Name: "admin", Domain: new DomainRef(Id: "default")));

        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/keystone/auth_requests_project-name-password.json"), AuthRequestBody.For(credentials, scope));
    }

    [Fact]
    public void Given_an_application_credential_id_When_built_Then_the_body_is_the_upstream_sample()
    {
        var credentials = new CloudCredentials(AuthMethod.ApplicationCredential, new Secret("rEaqvJka48mpv"), ApplicationCredentialId: "423f19a4ac1e4f48bbb4180756e6eb6c");

        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/keystone/admin_auth-application-credential-id-request.json"), AuthRequestBody.For(credentials, new AuthScope()));
    }

    [Fact]
    public void Given_an_application_credential_name_and_its_user_When_built_Then_the_body_is_the_upstream_sample()
    {
        var credentials = new CloudCredentials(AuthMethod.ApplicationCredential, new Secret("rEaqvJka48mpv"),
            new UserRef(Id: "423f19a4ac1e4f48bbb4180756e6eb6c"), ApplicationCredentialName: "monitoring");

        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/keystone/admin_auth-application-credential-name-request.json"), AuthRequestBody.For(credentials, new AuthScope()));
    }

    [Fact]
    public void Given_a_user_by_name_and_a_domain_scope_When_built_Then_user_domain_and_domain_scope_are_named()
    {
        var credentials = new CloudCredentials(AuthMethod.Password, new Secret("pw"), new UserRef(Name: "admin", Domain: new DomainRef(Name: "Default")));

        JsonAssert.Equal("""
            {"auth": {"identity": {"methods": ["password"],
                                   "password": {"user": {"name": "admin", "domain": {"name": "Default"}, "password": "pw"}}},
                      "scope": {"domain": {"id": "d1"}}}}
            """, AuthRequestBody.For(credentials, new AuthScope(Domain: new DomainRef(Id: "d1"))));
    }

    [Fact]
    public void Given_a_project_id_When_built_Then_the_scope_is_the_id_alone()
    {
        var credentials = new CloudCredentials(AuthMethod.Password, new Secret("pw"), new UserRef(Id: "u1"));

        AuthRequestBody.For(credentials, new AuthScope(new ProjectRef(Id: "p1")))["auth"]!["scope"]!.ToJsonString()
            .ShouldBe("""{"project":{"id":"p1"}}""");
    }
}
