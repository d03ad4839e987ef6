using System.Text.Json.Nodes;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>
/// The lab nova's answers about instances have the fields of nova's api-ref samples (shared/fixtures/openstack-api/nova)
/// and Uplift's parsers read them: servers, one live migration watched from MIGRATING to ACTIVE elsewhere, its
/// os-migrations record, and the hypervisors with their servers.
/// </summary>
[Collection("migration-lab")]
public sealed class LabNovaShapeTests(MigrationLabFixture lab) : IDisposable
{
    private readonly OpenStackSession _session = new(CloudsYaml.Parse(File.ReadAllText(lab.Paths.CloudsYaml), lab.Paths.CloudsYaml, LabCloud.Name), TimeProvider.System);

    [Fact]
    public async Task Given_instances_on_a_compute_When_listed_in_detail_Then_each_has_the_fields_of_nova_s_sample_and_parses_with_its_host()
    {
        var compute = lab.Computes[0];
        var sample = Fields(Sample("servers_v2.73_servers-details-resp.json")["servers"]![0]!);

        var answer = await SendAsync(NovaRequests.ServersOnHost(compute));
        var page = NovaServers.ParsePage(answer);

        foreach (var server in JsonNode.Parse(answer)!["servers"]!.AsArray())
        {
            Fields(server!).ShouldBe(sample, ignoreOrder: true);
        }
        page.Servers.ShouldAllBe(s => s.Host == compute && s.HypervisorHostname == compute && s.ProjectId != null);
        page.NextMarker.ShouldBeNull();
    }

    [Fact]
    public async Task Given_an_instance_When_it_is_live_migrated_Then_it_is_MIGRATING_then_ACTIVE_elsewhere_and_its_record_and_the_hypervisors_say_so()
    {
        var compute = new ComputeClient(_session);
        var server = (await compute.ServersOnHostAsync(lab.Computes[0])).Concat(await compute.ServersOnHostAsync(lab.Computes[1])).First();
        var source = server.Host!;
        var migrationSample = Sample("os-migrations_v2.80_migrations-get.json")["migrations"]!.AsArray()
            .Select(m => Fields(m!)).Aggregate((a, b) => [.. a.Intersect(b)]);
        var hypervisorSample = Fields(Sample("os-hypervisors_v2.53_hypervisors-with-servers-resp.json")["hypervisors"]![0]!);

        await compute.StartLiveMigrationAsync(server.Id);
        var during = await compute.ServerAsync(server.Id);
        var after = during;
        for (var i = 0; i < 50 && after.TaskState is not null; i++)
        {
            await Task.Delay(100);
            after = await compute.ServerAsync(server.Id);
        }
        var records = JsonNode.Parse(await SendAsync(NovaRequests.Migrations(server.Id, NovaRequests.MigrationTypes)))!["migrations"]!.AsArray();
        var migration = (await compute.MigrationsAsync(server.Id))[0];
        var hypervisorsAnswer = await SendAsync(NovaRequests.HypervisorsWithServers(after.Host!, NovaRequests.ServiceUuids));
        var hypervisors = NovaHypervisors.ParseList(hypervisorsAnswer);

        (during.Status, during.TaskState, during.Host).ShouldBe(("MIGRATING", "migrating", source));
        (after.Status, after.TaskState).ShouldBe(("ACTIVE", null));
        after.Host.ShouldNotBe(source);
        records.ShouldAllBe(r => Fields(r!).SequenceEqual(migrationSample.Order(StringComparer.Ordinal)));
        (migration.Status, migration.MigrationType, migration.SourceCompute, migration.DestCompute).ShouldBe(("completed", "live-migration", source, after.Host));
        Fields(JsonNode.Parse(hypervisorsAnswer)!["hypervisors"]![0]!).ShouldBe(hypervisorSample, ignoreOrder: true);
        hypervisors.Single().Servers.ShouldContain(s => s.Uuid == server.Id);
    }

    public void Dispose() => _session.Dispose();

    private async Task<string> SendAsync(ApiRequest request) => (await _session.SendAsync(OpenStackService.Compute, request)).Body;

    private static JsonNode Sample(string name) => JsonNode.Parse(Fixtures.ReadShared($"openstack-api/nova/{name}"))!;

    private static IReadOnlyList<string> Fields(JsonNode item) => [.. item.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
