using System.Text.Json.Nodes;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.OpenStack;
using Uplift.Testing;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>
/// The lab's cinder-api lists cinder-scheduler per controller and cinder-volume ("node@lvm") and cinder-backup per volume
/// node with the fields of cinder's samples, Uplift's client reads them and disables/enables one, and a cinder-volume whose
/// unit is stopped (systemctl over SSH) is down: Uplift's services-up check then fails naming it.
/// </summary>
[Collection("lab")]
public sealed class LabVolumeServicesTests(LabFixture lab) : IDisposable
{
    private const string Reason = "uplift lab-test: volume node maintenance";

    private readonly ComputeCloud _cloud = ComputeApiTests.CloudOf(lab);

    private string Volume => ServicesUpCheck.FirstOf(lab, Role.Volume);

    [Fact]
    public async Task Given_the_lab_up_When_the_services_are_listed_Then_each_cinder_unit_but_the_api_is_an_up_service_shaped_like_cinder_s_samples()
    {
        var expected = ServicesUpCheck.Units(lab, "cinder", u => u != "cinder-api")
            .Select(u => (u.Unit == "cinder-volume" ? $"{u.Node}@lvm" : u.Node, u.Unit));
        var baseSample = Samples("v3_services-list-response.json");
        var newSample = Samples("v3_os-services_v3.49_services-list-response.json");

        var answer = await SendAsync(CinderRequests.ListServices());
        var services = CinderServices.ParseList(answer);
        var at349 = await SendAsync(CinderRequests.ListServices() with { Microversion = "volume 3.49" });

        services.Select(s => (s.Host, s.Binary)).ShouldBe(expected, ignoreOrder: true);
        services.ShouldAllBe(s => s.Status == ServiceStatus.Enabled && s.State == ServiceState.Up && s.Zone == "nova" && s.UpdatedAt != null);
        FieldsByBinary(answer).ShouldBe(baseSample, ignoreOrder: true);
        FieldsByBinary(at349).Where(f => newSample.ContainsKey(f.Key)).ShouldBe(newSample, ignoreOrder: true);
        CinderServices.ParseList(at349).Single(s => s.Binary == "cinder-volume").BackendState.ShouldBe("up");
    }

    [Fact]
    public async Task Given_a_cinder_volume_When_disabled_with_a_reason_then_enabled_Then_cinder_shows_each_state_and_services_up_only_notes_it()
    {
        var client = new BlockStorageClient(_cloud.Session);
        var host = $"{Volume}@lvm";

        var disabled = await client.DisableAsync(host, "cinder-volume", Reason);
        var listed = (await client.ServicesAsync(host: host, binary: "cinder-volume")).Single();
        IReadOnlyList<string> reports;
        try
        {
            reports = await ServicesUpCheck.RunAsync(_cloud);
        }
        finally
        {
            await client.EnableAsync(host, "cinder-volume");
        }
        var enabled = (await client.ServicesAsync(host: host, binary: "cinder-volume")).Single();

        (disabled.Host, disabled.Binary, disabled.Status, disabled.DisabledReason).ShouldBe((host, "cinder-volume", ServiceStatus.Disabled, Reason));
        (listed.Status, listed.DisabledReason, listed.State).ShouldBe((ServiceStatus.Disabled, Reason, ServiceState.Up));
        reports.ShouldContain($"cinder cinder-volume on {host}: disabled ({Reason})");
        (enabled.Status, enabled.DisabledReason).ShouldBe((ServiceStatus.Enabled, null));
    }

    [Fact]
    public async Task Given_a_volume_service_named_without_its_backend_When_disabled_Then_cinder_finds_no_such_service_and_nothing_changes()
    {
        var client = new BlockStorageClient(_cloud.Session);

        var refused = await Should.ThrowAsync<OpenStackApiException>(() => client.DisableAsync(Volume, "cinder-volume", Reason));
        var services = await client.ServicesAsync(binary: "cinder-volume");

        (refused.Status, refused.Message.Contains("service not found", StringComparison.Ordinal)).ShouldBe((System.Net.HttpStatusCode.NotFound, true));
        services.ShouldAllBe(s => s.Status == ServiceStatus.Enabled);
    }

    [Fact]
    public async Task Given_a_volume_node_s_cinder_volume_stopped_When_services_up_runs_Then_it_is_down_and_the_check_fails_naming_it()
    {
        var client = new BlockStorageClient(_cloud.Session);
        var host = $"{Volume}@lvm";
        var before = await ServicesUpCheck.RunAsync(_cloud);
        var count = (await client.ServicesAsync()).Count;
        await lab.SucceedAsync(Volume, "systemctl stop cinder-volume");
        try
        {
            var stopped = (await client.ServicesAsync(binary: "cinder-volume")).Single(s => s.Host == host);
            var failure = await Should.ThrowAsync<StepFailedException>(() => ServicesUpCheck.RunAsync(_cloud));

            before.ShouldContain(r => r.EndsWith($", {count} cinder services up", StringComparison.Ordinal));
            (stopped.State, stopped.Status).ShouldBe((ServiceState.Down, ServiceStatus.Enabled));
            failure.Message.ShouldContain($"1 service(s) not healthy: cinder cinder-volume on {host}: down, last report");
        }
        finally
        {
            await lab.SucceedAsync(Volume, "systemctl start cinder-volume");
        }
        (await client.ServicesAsync(host: host)).Single().State.ShouldBe(ServiceState.Up);
    }

    public void Dispose() => _cloud.Dispose();

    private async Task<string> SendAsync(ApiRequest request) => (await _cloud.Session.SendAsync(OpenStackService.BlockStorage, request)).Body;

    /// <summary>binary → its services' field names (cinder's samples: the same set for every service of a binary).</summary>
    private static Dictionary<string, string> FieldsByBinary(string json) => JsonNode.Parse(json)!["services"]!.AsArray()
        .GroupBy(s => s!["binary"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => string.Join(" ", g.SelectMany(s => s!.AsObject().Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal)));

    private static Dictionary<string, string> Samples(string name) => FieldsByBinary(Fixtures.ReadShared($"openstack-api/cinder/{name}"));
}
