using System.Text.Json;
using Uplift.Diagnostics;

namespace Uplift.Planning;

/// <summary>Typed access to a JSON object of a plan file; a missing or mistyped member names the file, its line and its JSON path.</summary>
internal sealed record JsonElementReader(JsonElement Element, string Source, string Path, PlanFileText? Text = null)
{
    public string String(string name) => Member(name, JsonValueKind.String).GetString()!;

    public string? OptionalString(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public int Int(string name) => Member(name, JsonValueKind.Number).GetInt32();

    public int OptionalInt(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    public bool Bool(string name)
    {
        if (Element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        throw Bad(name, "true or false");
    }

    public bool OptionalBool(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public JsonElementReader Object(string name) => new(Member(name, JsonValueKind.Object), Source, $"{Path}.{name}", Text);

    public IEnumerable<JsonElementReader> Objects(string name) =>
        Member(name, JsonValueKind.Array).EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Object
            ? new JsonElementReader(e, Source, $"{Path}.{name}[{i}]", Text)
            : throw Bad($"{name}[{i}]", "an object"));

    public string[] Strings(string name) =>
        Member(name, JsonValueKind.Array).EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw Bad($"{name}[{i}]", "a string")).ToArray();

    public KeyValuePair<string, string>[] Pairs(string name) =>
        Member(name, JsonValueKind.Object).EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String
            ? new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)
            : throw Bad($"{name}.{p.Name}", "a string")).ToArray();

    public InputException Bad(string name, string expected) =>
        new($"{Path}.{name} must be {expected}", At($"{Path}.{name}"),
            "the plan file was changed by hand or written by another tool: write it again with 'uplift plan'");

    /// <summary>The file and line of a member (or of its nearest parent present).</summary>
    public SourceLocation At(string path) => new(Source, Text?.LineOf(path) ?? 0);

    private JsonElement Member(string name, JsonValueKind kind) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw Bad(name, kind switch
            {
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                JsonValueKind.Array => "an array",
                _ => "an object",
            });
}
