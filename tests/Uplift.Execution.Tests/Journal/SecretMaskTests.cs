using Uplift.Execution.Journal;

namespace Uplift.Tests.Journal;

public class SecretMaskTests
{
    [Theory]
    [InlineData("mysql --password=hunter2 nova", "hunter2")]
    [InlineData("mysqldump --password hunter2 nova", "hunter2")]
    [InlineData("export OS_PASSWORD=hunter2; openstack server list", "hunter2")]
    [InlineData("password = hunter2", "hunter2")]
    [InlineData("{\"auth\": {\"password\": \"hunter2\"}}", "hunter2")]
    [InlineData("application_credential_secret: hunter2", "hunter2")]
    [InlineData("admin_token=hunter2", "hunter2")]
    [InlineData("secret: hunter2", "hunter2")]
    [InlineData("curl -H 'X-Auth-Token: gAAAAhunter2' http://ctl1:8774/", "gAAAAhunter2")]
    [InlineData("Authorization: Bearer hunter2", "hunter2")]
    [InlineData("transport_url = rabbit://openstack:hunter2@ctl1:5672/", "hunter2")]
    [InlineData("connection = mysql+pymysql://nova:hunter2@db/nova", "hunter2")]
    [InlineData("openstack --os-password hunter2 token issue", "hunter2")]
    [InlineData("password=ab;cd", ";cd")]
    [InlineData("OS_PASSWORD=ab&cd openstack", "&cd")]
    [InlineData("{\"password\": \"ab;c d'e\", \"user\": \"admin\"}", "c d'e")]
    [InlineData("password: 'ab\"cd'", "cd")]
    public void Given_text_with_a_secret_When_masked_Then_the_secret_is_gone(string text, string secret)
    {
        var masked = SecretMask.Apply(text);

        masked.ShouldNotContain(secret);
        masked.ShouldContain(SecretMask.Mask);
    }

    [Theory]
    [InlineData("nova-manage db online_data_migrations --max-count 1000")]
    [InlineData("Setting up nova-api (2:30.0.0-1) ...")]
    [InlineData("resource openstack-api-vip is running on: ctl1")]
    public void Given_text_without_secrets_When_masked_Then_it_is_unchanged(string text) =>
        SecretMask.Apply(text).ShouldBe(text);

    [Fact]
    public void Given_a_masked_text_When_masked_again_Then_it_stays_the_same()
    {
        var once = SecretMask.Apply("password=hunter2 --token abc");

        SecretMask.Apply(once).ShouldBe(once);
    }

    [Fact]
    public void Given_a_quoted_secret_When_masked_Then_the_quotes_and_what_follows_are_kept()
    {
        SecretMask.Apply("{\"password\": \"ab;cd\", \"user\": \"admin\"}").ShouldBe("{\"password\": \"****\", \"user\": \"admin\"}");
    }

    [Fact]
    public void Given_a_secret_value_the_process_knows_When_it_appears_without_any_key_Then_it_is_masked_everywhere()
    {
        var value = "kn0wn-" + Guid.NewGuid().ToString("N");
        SecretMask.Apply($"curl -d '{value}' http://ctl1").ShouldContain(value, Case.Sensitive, "not known yet, and no key names it");

        _ = new Uplift.OpenStack.Secret(value);

        var masked = SecretMask.Apply($"curl -d '{value}' http://ctl1; echo {value}|base64");
        masked.ShouldNotContain(value);
        masked.ShouldBe("curl -d '****' http://ctl1; echo ****|base64");
    }
}
