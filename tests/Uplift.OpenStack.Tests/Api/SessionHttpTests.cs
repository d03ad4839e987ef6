using System.Net;
using System.Text.Json.Nodes;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

/// <summary>The session against a real local HTTP server: tokens, 401 renewal, 409/503 retries, errors, endpoints.</summary>
public sealed class SessionHttpTests : IAsyncDisposable
{
    private const string Services = "/compute/v2.1/os-services";
    private const string ServicesList = """{"services": []}""";

    private readonly TestClock _clock = new() { EndsWaitsAtOnce = true };
    private readonly ScriptedCloud _cloud;

    public SessionHttpTests() => _cloud = new ScriptedCloud(_clock);

    [Fact]
    public async Task Given_a_valid_token_When_calling_twice_Then_keystone_is_asked_once()
    {
        _cloud.On("GET", Services, _ => Reply.Json(ServicesList));
        using var session = _cloud.Session();

        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _cloud.TokensIssued.ShouldBe(1);
        _cloud.Server.RequestsTo("GET", Services).Select(r => r.Header("X-Auth-Token")).ShouldBe(["token-1", "token-1"]);
    }

    [Fact]
    public async Task Given_the_token_nears_expiry_mid_run_When_calling_Then_it_is_renewed_once_before_the_call()
    {
        _cloud.On("GET", Services, _ => Reply.Json(ServicesList));
        using var session = _cloud.Session();
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _clock.Advance(TimeSpan.FromMinutes(56)); // 4 minutes left: inside the 5-minute margin
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _cloud.TokensIssued.ShouldBe(2);
        _cloud.Server.RequestsTo("GET", Services).Select(r => r.Header("X-Auth-Token")).ShouldBe(["token-1", "token-2", "token-2"]);
    }

    [Fact]
    public async Task Given_keystones_clock_three_hours_behind_When_calling_Then_the_token_is_still_reused_until_near_its_lifetime()
    {
        _cloud.KeystoneClockOffset = TimeSpan.FromHours(-3);
        _cloud.On("GET", Services, _ => Reply.Json(ServicesList));
        using var session = _cloud.Session();

        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));
        _clock.Advance(TimeSpan.FromMinutes(54));
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));
        _cloud.TokensIssued.ShouldBe(1);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _cloud.TokensIssued.ShouldBe(2);
    }

    [Fact]
    public async Task Given_the_token_is_revoked_mid_run_When_calling_Then_it_reauthenticates_once_and_repeats_the_call_once()
    {
        _cloud.On("GET", Services, _ => Reply.Json(ServicesList));
        using var session = _cloud.Session();
        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _cloud.RevokeAll();
        var response = await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        response.Status.ShouldBe(HttpStatusCode.OK);
        _cloud.TokensIssued.ShouldBe(2);
        _cloud.Server.RequestsTo("GET", Services).Select(r => r.Header("X-Auth-Token")).ShouldBe(["token-1", "token-1", "token-2"]);
    }

    [Fact]
    public async Task Given_a_service_that_rejects_every_token_When_calling_Then_it_gives_up_after_one_renewal()
    {
        _cloud.Server.On("GET", Services, _ => Reply.Json("""{"error": {"code": 401, "message": "The request you have made requires authentication."}}""", 401));
        using var session = _cloud.Session();

        var error = await Should.ThrowAsync<OpenStackApiException>(() => session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services")));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("nova GET /os-services failed: 401");
        _cloud.TokensIssued.ShouldBe(2);
        _cloud.Server.RequestsTo("GET", Services).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_wrong_password_When_authenticating_Then_one_request_is_made_and_the_error_is_clear()
    {
        using var session = _cloud.Session(password: "wrong-password-123");

        var error = await Should.ThrowAsync<OpenStackApiException>(() => session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services")));

        _cloud.Server.Requests.Count.ShouldBe(1);
        _clock.Delays.ShouldBeEmpty();
        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("refused the credentials of cloud 'test'");
        error.Message.ShouldContain("The request you have made requires authentication.");
        error.Message.ShouldContain("did not retry");
        error.ToString().ShouldNotContain("wrong-password-123");
    }

    [Theory]
    [InlineData(409)]
    [InlineData(503)]
    public async Task Given_a_busy_answer_twice_When_calling_Then_it_is_retried_with_backoff_and_succeeds(int busy)
    {
        var calls = 0;
        _cloud.On("PUT", Services + "/enable", _ => ++calls <= 2
            ? Reply.Json($$$"""{"conflictingRequest": {"code": {{{busy}}}, "message": "busy"}}""", busy)
            : Reply.Json("""{"service": {"host": "h", "binary": "nova-compute", "status": "enabled"}}"""));
        using var session = _cloud.Session();

        var response = await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Put, "/os-services/enable", new JsonObject { ["host"] = "h" }));

        response.Status.ShouldBe(HttpStatusCode.OK);
        calls.ShouldBe(3);
        _clock.Delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
        _cloud.Server.RequestsTo("PUT", Services + "/enable").ShouldAllBe(r => r.Body == """{"host":"h"}""");
    }

    [Fact]
    public async Task Given_a_service_unavailable_for_good_When_calling_Then_retries_stop_at_the_bound_with_the_status_and_message()
    {
        _cloud.On("GET", Services, _ => new Reply(503,
            "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>",
            new Dictionary<string, string> { ["X-OpenStack-Request-ID"] = "req-42" }));
        using var session = _cloud.Session(options: new ApiSessionOptions { MaxRetries = 3 });

        var error = await Should.ThrowAsync<OpenStackApiException>(() => session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services")));

        _cloud.Server.RequestsTo("GET", Services).Count.ShouldBe(4);
        _clock.Delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)]);
        error.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.Message.ShouldBe("nova GET /os-services failed: 503 Service Unavailable: 503 Service Unavailable No server is available to handle this request. (request req-42)");
    }

    [Fact]
    public async Task Given_retry_after_When_busy_Then_the_servers_delay_is_used()
    {
        var calls = 0;
        _cloud.On("GET", Services, _ => ++calls == 1
            ? new Reply(503, "", new Dictionary<string, string> { ["Retry-After"] = "7" })
            : Reply.Json(ServicesList));
        using var session = _cloud.Session();

        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        _clock.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task Given_a_not_found_When_calling_Then_the_error_has_the_status_and_novas_message_and_is_not_retried()
    {
        _cloud.On("PUT", Services + "/abc", _ => Reply.Json("""{"itemNotFound": {"code": 404, "message": "Service abc could not be found."}}""", 404));
        using var session = _cloud.Session();

        var error = await Should.ThrowAsync<OpenStackApiException>(() =>
            session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Put, "/os-services/abc", new JsonObject())));

        error.Message.ShouldBe("nova PUT /os-services/abc failed: 404 Not Found: Service abc could not be found.");
        _cloud.Server.RequestsTo("PUT", Services + "/abc").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_catalog_with_regions_and_interfaces_When_calling_Then_the_configured_endpoint_is_used()
    {
        _cloud.Catalog = root =>
        [
            new JsonObject
            {
                ["type"] = "compute",
                ["endpoints"] = new JsonArray(
                    ScriptedCloud.Endpoint("internal", "RegionOne", root + "/r1/compute"),
                    ScriptedCloud.Endpoint("internal", "RegionTwo", root + "/r2/compute"),
                    ScriptedCloud.Endpoint("public", "RegionTwo", root + "/public/compute")),
            },
        ];
        _cloud.On("GET", "/r2/compute/os-services", _ => Reply.Json(ServicesList));
        using var session = _cloud.Session(region: "RegionTwo", endpointInterface: "internal");

        await session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services"));

        (await session.EndpointAsync(OpenStackService.Compute)).AbsolutePath.ShouldBe("/r2/compute");
        _cloud.Server.Requests.Select(r => r.Path).ShouldBe([ScriptedCloud.KeystonePath, "/r2/compute/os-services"]);
    }

    [Fact]
    public async Task Given_an_unreachable_endpoint_When_calling_Then_the_error_names_the_service_and_url()
    {
        _cloud.Catalog = _ => [ScriptedCloud.Service("compute", "nova", "http://127.0.0.1:1/compute")];
        using var session = _cloud.Session();

        var error = await Should.ThrowAsync<OpenStackApiException>(() => session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/os-services")));

        error.Status.ShouldBeNull();
        error.Message.ShouldContain("cannot reach nova at http://127.0.0.1:1/compute/os-services");
    }

    public ValueTask DisposeAsync() => _cloud.DisposeAsync();
}
