using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Parses GET /os-migrations ({"migrations": […]}).</summary>
public static class NovaMigrations
{
    private const string What = "nova migrations";

    public static IReadOnlyList<Migration> ParseList(string json) =>
        JsonFields.Objects(JsonFields.Root(json, What), "migrations", What).Select(Parse).ToList();

    private static Migration Parse(JsonObject item) => new(
        JsonFields.Id(item, "instance_uuid") ?? throw new FormatException($"{What}: 'instance_uuid' is missing"),
        JsonFields.Required(item, "status", What),
        JsonFields.Text(item, "migration_type"),
        JsonFields.Text(item, "source_compute"),
        JsonFields.Text(item, "dest_compute"),
        JsonFields.Time(item, "created_at"),
        JsonFields.Time(item, "updated_at"),
        JsonFields.Id(item, "uuid") ?? JsonFields.Id(item, "id"));
}
