using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class TokenRenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 60, 55)] // one-hour token: renewed 5 minutes before
    [InlineData(-180, 60, 55)] // keystone 3 h behind: same, the lifetime is measured on its clock
    [InlineData(0, 6, 3)] // six-minute token: margin capped at half the lifetime
    [InlineData(0, 0, 0)] // already expired: renew at once
    public void Given_issued_and_expiry_times_When_planning_renewal_Then_it_falls_before_expiry_by_the_margin(
        int keystoneOffsetMinutes, int lifetimeMinutes, int renewAfterMinutes)
    {
        var issued = Now.AddMinutes(keystoneOffsetMinutes);
        var token = new KeystoneToken(new Secret("t"), issued.AddMinutes(lifetimeMinutes), new ServiceCatalog([]), IssuedAt: issued);

        KeystoneAuth.RenewalTime(token, Now, TimeSpan.FromMinutes(5)).ShouldBe(Now.AddMinutes(renewAfterMinutes));
    }

    [Fact]
    public void Given_no_issued_at_When_planning_renewal_Then_our_clock_is_used()
    {
        var token = new KeystoneToken(new Secret("t"), Now.AddHours(1), new ServiceCatalog([]));

        KeystoneAuth.RenewalTime(token, Now, TimeSpan.FromMinutes(5)).ShouldBe(Now.AddMinutes(55));
    }

    [Theory]
    [InlineData("https://ks:5000/v3", "https://ks:5000/v3/auth/tokens")]
    [InlineData("https://ks:5000/v3/", "https://ks:5000/v3/auth/tokens")]
    [InlineData("https://ks:5000", "https://ks:5000/v3/auth/tokens")]
    [InlineData("http://ctl/identity", "http://ctl/identity/v3/auth/tokens")]
    public void Given_an_auth_url_When_authenticating_Then_the_v3_tokens_url_is_derived(string authUrl, string expected)
    {
        KeystoneAuth.TokensUrlFor(new Uri(authUrl)).ShouldBe(new Uri(expected));
    }
}
