using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Parses GET /os-migrations ({"migrations": […]}).</summary>
public static class NovaMigrations
{
    private const string What = "nova migrations";

    public static IReadOnlyList<Migration> ParseList(string json) => JsonFields.List(json, "migrations", What, Parse);

    private static Migration Parse(JsonObject item) => new(
        JsonFields.RequiredId(item, "instance_uuid", What),
        JsonFields.Required(item, "status", What),
        JsonFields.Text(item, "migration_type"),
        JsonFields.Text(item, "source_compute"),
        JsonFields.Text(item, "dest_compute"),
        JsonFields.Time(item, "created_at"),
        JsonFields.Time(item, "updated_at"),
        JsonFields.Id(item, "uuid") ?? JsonFields.Id(item, "id"));
}
