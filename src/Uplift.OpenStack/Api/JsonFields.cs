using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Reads fields out of OpenStack response bodies leniently: a missing or null field is null (down-cell and older
/// microversion responses omit many), a wrong shape where a value is required is a <see cref="FormatException"/>
/// naming the response and field.
/// </summary>
internal static class JsonFields
{
    public static JsonObject Root(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{what}: the response is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what}: the response is not JSON ({e.Message})", e);
        }
    }

    /// <summary>The list an OpenStack list call answers under <paramref name="key"/> ({"services": […]}), item by item.</summary>
    public static IReadOnlyList<T> List<T>(string json, string key, string what, Func<JsonObject, T> parse) =>
        Objects(Root(json, what), key, what).Select(parse).ToList();

    /// <summary>The one object a show or update call answers under <paramref name="key"/> ({"service": {…}}).</summary>
    public static T One<T>(string json, string key, string what, Func<JsonObject, T> parse) =>
        parse(Object(Root(json, what), key, what));

    public static JsonObject Object(JsonObject parent, string key, string what) =>
        parent[key] as JsonObject ?? throw new FormatException($"{what}: '{key}' is missing or not an object");

    public static IEnumerable<JsonObject> Objects(JsonObject parent, string key, string what) =>
        (parent[key] as JsonArray ?? throw new FormatException($"{what}: '{key}' is missing or not a list"))
        .Select((item, i) => item as JsonObject ?? throw new FormatException($"{what}: '{key}[{i}]' is not an object"));

    /// <summary>Like <see cref="Objects"/>, but no items when the list is absent (an empty hypervisor has no "servers").</summary>
    public static IEnumerable<JsonObject> ObjectsIfAny(JsonObject parent, string key, string what) =>
        parent[key] is JsonArray ? Objects(parent, key, what) : [];

    public static string? Text(JsonObject item, string key) =>
        item[key] is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.ToJsonString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    public static string Required(JsonObject item, string key, string what) =>
        Text(item, key) ?? throw new FormatException($"{what}: '{key}' is missing");

    /// <summary>An identifier, trimmed: upstream samples carry stray spaces (neutron's agents list has " 04c62b91-…").</summary>
    public static string? Id(JsonObject item, string key) => Text(item, key)?.Trim();

    public static string RequiredId(JsonObject item, string key, string what) =>
        Id(item, key) ?? throw new FormatException($"{what}: '{key}' is missing");

    public static bool? Flag(JsonObject item, string key) =>
        item[key] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : null;

    public static int? Number(JsonObject item, string key) =>
        item[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : null;

    /// <summary>OpenStack timestamps: ISO 8601 with or without zone ("2012-10-29T13:42:02.000000"), or neutron's "2017-09-12 19:40:38"; UTC when no zone.</summary>
    public static DateTimeOffset? Time(JsonObject item, string key) =>
        Text(item, key) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
