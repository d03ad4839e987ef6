using Uplift.Diagnostics;
using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class CloudsYamlTests
{
    private const string Clouds = """
        clouds:
          prod:
            auth:
              auth_url: https://keystone.example.net:5000/v3
              username: uplift
              user_domain_name: Default
              project_name: admin
              project_domain_id: default
            region_name: RegionTwo
            interface: internal
            identity_api_version: 3
            cacert: /etc/ssl/private-ca.pem
          appcred:
            auth_type: v3applicationcredential
            auth:
              auth_url: https://keystone.example.net:5000
              application_credential_id: 423f19a4ac1e4f48bbb4180756e6eb6c
              application_credential_secret: rEaqvJka48mpv
        """;

    private const string Secure = """
        clouds:
          prod:
            auth:
              password: from-secure-yaml
        """;

    [Fact]
    public void Given_clouds_and_secure_yaml_When_parsed_Then_the_password_comes_from_secure_and_the_rest_from_clouds()
    {
        var cloud = CloudsYaml.Parse(Clouds, "/etc/openstack/clouds.yaml", "prod", Secure, "/etc/openstack/secure.yaml");

        cloud.Name.ShouldBe("prod");
        cloud.AuthUrl.ShouldBe(new Uri("https://keystone.example.net:5000/v3"));
        cloud.Credentials.ShouldBe(new CloudCredentials(AuthMethod.Password, new Secret("from-secure-yaml"),
            new UserRef(Name: "uplift", Domain: new DomainRef(Name: "Default"))));
        cloud.Scope.ShouldBe(new AuthScope(new ProjectRef(Name: "admin", Domain: new DomainRef(Id: "default"))));
        cloud.RegionName.ShouldBe("RegionTwo");
        cloud.Interface.ShouldBe("internal");
        cloud.CaCertFile.ShouldBe("/etc/ssl/private-ca.pem");
        cloud.SourceFile.ShouldBe("/etc/openstack/clouds.yaml");
    }

    [Fact]
    public void Given_an_application_credential_id_When_parsed_Then_it_is_used_unscoped_and_interface_defaults_to_public()
    {
        var cloud = CloudsYaml.Parse(Clouds, "clouds.yaml", "appcred");

        cloud.Credentials.ShouldBe(new CloudCredentials(AuthMethod.ApplicationCredential, new Secret("rEaqvJka48mpv"),
            ApplicationCredentialId: "423f19a4ac1e4f48bbb4180756e6eb6c"));
        cloud.Scope.ShouldBe(new AuthScope());
        cloud.Interface.ShouldBe("public");
    }

    [Fact]
    public void Given_an_application_credential_name_When_parsed_Then_its_user_is_required_and_read()
    {
        var cloud = Parse("""
            auth_type: v3applicationcredential
            auth:
              auth_url: http://ks:5000/v3
              application_credential_name: monitoring
              application_credential_secret: s
              user_id: 423f19a4
            """);

        cloud.Credentials.ApplicationCredentialName.ShouldBe("monitoring");
        cloud.Credentials.User.ShouldBe(new UserRef(Id: "423f19a4"));
    }

    [Fact]
    public void Given_a_plain_domain_id_with_a_project_When_parsed_Then_it_stands_for_user_and_project_domains()
    {
        var cloud = Parse("""
            auth:
              auth_url: http://ks:5000
              username: admin
              password: pw
              project_name: admin
              domain_id: default
            """);

        cloud.Credentials.User!.Domain.ShouldBe(new DomainRef(Id: "default"));
        cloud.Scope.Project!.Domain.ShouldBe(new DomainRef(Id: "default"));
    }

    [Fact]
    public void Given_a_domain_name_without_a_project_When_parsed_Then_the_token_is_domain_scoped()
    {
        var cloud = Parse("""
            auth:
              auth_url: http://ks:5000
              user_id: u1
              password: pw
              domain_name: Default
            """);

        cloud.Scope.ShouldBe(new AuthScope(Domain: new DomainRef(Name: "Default")));
    }

    [Theory]
    [InlineData("publicURL", "public")]
    [InlineData("internalURL", "internal")]
    [InlineData("admin", "admin")]
    public void Given_an_old_style_interface_When_parsed_Then_it_is_normalised(string written, string expected)
    {
        Parse($"""
            interface: {written}
            auth: {"{"}auth_url: "http://ks:5000", user_id: u1, password: pw, project_id: p1{"}"}
            """).Interface.ShouldBe(expected);
    }

    [Fact]
    public void Given_several_mistakes_When_parsed_Then_all_are_reported_together_with_their_place()
    {
        var error = Should.Throw<InputException>(() => Parse("""
            interface: private
            verify: false
            auth:
              username: admin
              project_name: admin
            """));

        error.Diagnostics.Select(d => d.Summary).ShouldBe([
            "TLS verification cannot be turned off",
            "cloud 'test' has no auth.auth_url",
            "cloud 'test' has no auth.user_domain_name",
            "cloud 'test' has no auth.password",
            "cloud 'test' has no auth.project_domain_name",
            "interface 'private' is not one of public, internal, admin",
        ], ignoreOrder: true);
        error.Diagnostics.ShouldAllBe(d => d.Where != null && d.Where.File == "clouds.yaml" && d.Where.Line > 0);
    }

    [Fact]
    public void Given_a_clouds_file_with_an_unclosed_bracket_before_a_mapping_line_When_parsed_Then_it_is_bad_yaml_with_its_place_not_a_crash()
    {
        var error = Should.Throw<InputException>(() => CloudsYaml.Parse("clouds: [\nprod: {}\n", "clouds.yaml", "prod"));

        error.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("clouds.yaml:1:9: YAML syntax error: a '[' or '{' opened before this place is not closed (close it with ']' or '}' where the list or mapping ends)");
    }

    [Fact]
    public void Given_an_unknown_cloud_When_parsed_Then_the_error_lists_the_defined_clouds()
    {
        var error = Should.Throw<InputException>(() => CloudsYaml.Parse(Clouds, "clouds.yaml", "staging"));

        error.Message.ShouldContain("cloud 'staging' is not defined");
        error.Message.ShouldContain("clouds defined there: appcred, prod");
    }

    [Fact]
    public void Given_an_unsupported_auth_type_When_parsed_Then_the_supported_ones_are_named()
    {
        Should.Throw<InputException>(() => Parse("""
            auth_type: token
            auth: {auth_url: "http://ks:5000", token: abc, project_id: p1}
            """)).Message.ShouldContain("use password, v3password or v3applicationcredential");
    }

    [Fact]
    public void Given_a_password_error_When_reported_Then_the_password_is_not_in_the_message()
    {
        var error = Should.Throw<InputException>(() => Parse("""
            auth: {auth_url: "ftp://ks", username: admin, password: hunter2-secret, project_id: p1}
            """));

        error.Message.ShouldNotContain("hunter2-secret");
        error.Message.ShouldContain("is not an http(s) URL");
    }

    private static CloudConfig Parse(string cloudBody)
    {
        var indented = string.Join("\n", cloudBody.Split('\n').Select(line => "    " + line));
        return CloudsYaml.Parse($"clouds:\n  test:\n{indented}\n", "clouds.yaml", "test");
    }
}
