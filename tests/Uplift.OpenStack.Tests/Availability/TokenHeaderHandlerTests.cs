using System.Net;
using Uplift.OpenStack;

namespace Uplift.Tests.Availability;

/// <summary>The probe's requests carry the cloud's token; without a token a request fails as a user's would.</summary>
public sealed class TokenHeaderHandlerTests
{
    private sealed class Api : HttpMessageHandler
    {
        public List<string?> Tokens { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Tokens.Add(request.Headers.TryGetValues("X-Auth-Token", out var values) ? values.Single() : null);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task Given_a_token_When_the_probe_sends_Then_each_request_carries_it()
    {
        var api = new Api();
        var issued = 0;
        using var http = new HttpClient(new TokenHeaderHandler(_ => Task.FromResult($"gAAAA-{++issued}"), api));

        (await http.GetAsync(new Uri("http://127.0.0.1:8774/v2.1/servers"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await http.GetAsync(new Uri("http://127.0.0.1:9696/v2.0/networks"));

        api.Tokens.ShouldBe(["gAAAA-1", "gAAAA-2"]);
    }

    [Fact]
    public async Task Given_keystone_refusing_a_token_When_the_probe_sends_Then_the_request_fails_and_no_api_is_called()
    {
        var api = new Api();
        using var http = new HttpClient(new TokenHeaderHandler(_ => throw new OpenStackApiException("keystone: 503 Service Unavailable", HttpStatusCode.ServiceUnavailable), api));

        var failure = await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://127.0.0.1:8774/v2.1/servers")));

        failure.Message.ShouldContain("no token from keystone: keystone: 503");
        api.Tokens.ShouldBeEmpty();
    }
}
