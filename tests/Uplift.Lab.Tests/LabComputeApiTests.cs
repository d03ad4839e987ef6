using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Uplift.Tests;

/// <summary>The lab's keystone and nova listeners: enough of their API for Uplift's compute phase, on the lab's state.</summary>
[Collection("lab")]
public class LabComputeApiTests(LabFixture lab)
{
    private static readonly Uri Tokens = new("http://127.0.10.250:5000/v3/auth/tokens");
    private static readonly Uri Services = new("http://127.0.10.250:8774/v2.1/os-services?binary=nova-compute");

    private async Task<HttpResponseMessage> AuthenticateAsync(HttpClient http, string password) =>
        await http.PostAsJsonAsync(Tokens, JsonNode.Parse("""
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"name": "Default"}, "password": "PASSWORD"}}},
                      "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
            """.Replace("PASSWORD", password, StringComparison.Ordinal)));

    private static async Task<JsonArray> ComputeServicesAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Services);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
    }

    [Fact]
    public async Task GivenTheLabCredentials_WhenAComputeServiceIsDisabledAndItsUnitStopped_ThenNovaReportsItDisabledAndDown()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var password = (await File.ReadAllTextAsync(lab.Paths.KeystoneAdmin)).Trim();
        (await File.ReadAllTextAsync(lab.Paths.CloudsYaml)).ShouldContain($"password: {password}");
        using var refused = await AuthenticateAsync(http, "wrong");
        using var issued = await AuthenticateAsync(http, password);
        var token = issued.Headers.GetValues("X-Subject-Token").Single();
        var catalog = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["token"]!["catalog"]!.AsArray();

        var before = (await ComputeServicesAsync(http, token)).Single(s => (string?)s!["host"] == "cmp1")!;
        using var disable = new HttpRequestMessage(HttpMethod.Put, new Uri($"http://127.0.10.250:8774/v2.1/os-services/{before["id"]}"))
        {
            Content = JsonContent.Create(JsonNode.Parse("""{"status": "disabled", "disabled_reason": "uplift: upgrading"}""")),
        };
        disable.Headers.Add("X-Auth-Token", token);
        using var disabled = await http.SendAsync(disable);
        await lab.SucceedAsync("cmp1", "systemctl stop nova-compute");
        var after = (await ComputeServicesAsync(http, token)).Single(s => (string?)s!["host"] == "cmp1")!;
        await lab.SucceedAsync("cmp1", "systemctl start nova-compute");
        // Other tests share this lab: leave cmp1 enabled, as found.
        using var enable = new HttpRequestMessage(HttpMethod.Put, new Uri($"http://127.0.10.250:8774/v2.1/os-services/{before["id"]}"))
        {
            Content = JsonContent.Create(JsonNode.Parse("""{"status": "enabled"}""")),
        };
        enable.Headers.Add("X-Auth-Token", token);
        using var enabled = await http.SendAsync(enable);
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        catalog.Select(s => (string?)s!["type"]).ShouldContain("compute");
        ((string?)before["status"], (string?)before["state"], (string?)before["zone"]).ShouldBe(("enabled", "up", "az1"));
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)after["status"], (string?)after["state"], (string?)after["disabled_reason"]).ShouldBe(("disabled", "down", "uplift: upgrading"));
    }

    [Fact]
    public async Task GivenNoToken_WhenNovaIsAsked_ThenItAnswersUnauthorized()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var response = await http.GetAsync(Services);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(8774, "nova")]
    [InlineData(8776, "cinder")]
    public async Task GivenAnApiThroughTheVip_WhenItsRootIsAsked_ThenItsVersionDocumentNamesTheLabReleasesHighestMicroversion(int port, string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var body = await http.GetStringAsync(new Uri($"http://127.0.10.250:{port}/"));

        var expected = lab.Lab.Catalog.CodeVersionsOf(service)!.Api!.Maxima[lab.Lab.Release.Series];
        Uplift.OpenStack.VersionDocument.MaxMicroversion(body).ToString().ShouldBe(expected, body);
    }
}
