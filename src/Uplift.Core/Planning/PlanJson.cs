using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Uplift.Diagnostics;

namespace Uplift.Planning;

/// <summary>The plan's JSON file format, written and read in this one place.</summary>
public static class PlanJson
{
    /// <summary>Bumped on any incompatible change of the format; other versions are refused with a clear message.</summary>
    public const int FormatVersion = 1;

    public static string Write(Plan plan)
    {
        using var buffer = new MemoryStream();
        Write(plan, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes the plan and, last, its digest: the sha256 of every byte before it. <see cref="DigestOf"/> recomputes it from a
    /// parsed plan, so a file changed by hand (a step's command, a node, a class) no longer matches.
    /// </summary>
    public static void Write(Plan plan, Stream output)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var json = new Utf8JsonWriter(new DigestingStream(output, hash), new JsonWriterOptions { Indented = true, SkipValidation = true });
        WriteContent(plan, json);
        json.Flush();
        json.WriteString("digest", DigestText(hash));
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The digest this plan's file carries (or must carry): "sha256:" and 64 hex digits.</summary>
    public static string DigestOf(Plan plan)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var json = new Utf8JsonWriter(new DigestingStream(Stream.Null, hash), new JsonWriterOptions { Indented = true, SkipValidation = true }))
        {
            WriteContent(plan, json);
        }
        return DigestText(hash);
    }

    /// <summary>One step as the file holds it: compared to name the first step a changed file differs in.</summary>
    public static string StepText(PlanStep step)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteStep(json, step);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string DigestText(IncrementalHash hash) => "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());

    private static void WriteContent(Plan plan, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("format_version", plan.FormatVersion);
        json.WriteString("cluster", plan.Cluster);
        json.WriteString("mode", plan.Mode);
        WriteObjects(json, "hops", plan.Hops, hop =>
        {
            json.WriteString("from", hop.From);
            json.WriteString("to", hop.To);
        });
        PlanInputsJson.Write(json, plan.Inputs);
        json.WriteString("inputs_hash", plan.InputsHash);
        WriteObjects(json, "classes", plan.Classes, c =>
        {
            json.WriteString("name", c.Name);
            json.WriteNumber("limit", c.Limit);
            json.WriteString("about", c.About);
            if (c.PerNode)
            {
                json.WriteBoolean("per_node", true);
            }
        });
        json.WriteStartArray("steps");
        foreach (var step in plan.Steps)
        {
            WriteStep(json, step);
            // The writer buffers everything until flushed: hand it to the stream as it goes (large plans are tens of MB).
            if (json.BytesPending > 1 << 20)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
    }

    private static void WriteStep(Utf8JsonWriter json, PlanStep step)
    {
        json.WriteStartObject();
        json.WriteString("id", step.Id);
        json.WriteString("kind", step.Kind.Name);
        json.WriteString("phase", step.Phase);
        if (step.Service is not null)
        {
            json.WriteString("service", step.Service);
        }
        WriteStrings(json, "nodes", step.Nodes);
        json.WriteStartObject("arguments");
        foreach (var (key, value) in step.Arguments)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteString("class", step.Class);
        WriteStrings(json, "needs", step.Needs);
        WriteStrings(json, "after", step.After);
        if (step.PauseAfterSeconds != 0)
        {
            json.WriteNumber("pause_after_seconds", step.PauseAfterSeconds);
        }
        if (step.AlwaysRun)
        {
            json.WriteBoolean("always_run", true);
        }
        json.WriteString("group", step.Group);
        json.WriteEndObject();
    }

    private static void WriteObjects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> writeFields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeFields(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    /// <summary>Reads a plan file; any problem is an <see cref="InputException"/> naming the file and where.</summary>
    public static Plan Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"plan file not found: {path}", hint: "write one with 'uplift plan … --format json -o FILE'");
        }
        return Parse(File.ReadAllBytes(path), path);
    }

    public static Plan Parse(byte[] utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException bad)
        {
            throw new InputException($"not valid JSON: {bad.Message}",
                new SourceLocation(source, (int)(bad.LineNumber ?? -1) + 1, (int)(bad.BytePositionInLine ?? -1) + 1));
        }
        using (document)
        {
            return PlanReader.Read(document.RootElement, source, new PlanFileText(utf8));
        }
    }
}
