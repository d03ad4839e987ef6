using System.Buffers;
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

    private static readonly JsonWriterOptions Options = new() { Indented = true, SkipValidation = true };

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
    public static void Write(Plan plan, Stream output) => Write(plan, output, Parts.OfMachine);

    /// <summary>As <see cref="Write(Plan, Stream)"/>, its steps in <paramref name="parts"/> (tests: the bytes do not depend on them).</summary>
    internal static void Write(Plan plan, Stream output, Parts parts) =>
        Write(plan, output, (json, digesting) => WriteSteps(plan.Steps, json, digesting, parts));

    /// <summary>
    /// Writes a plan whose steps come one after the other while it is built (<see cref="PlanStream"/>): <paramref name="head"/>
    /// is the plan but its steps. The bytes are those <see cref="Write(Plan, Stream)"/> gives the whole plan.
    /// </summary>
    public static void Write(Plan head, IEnumerable<PlanStep> steps, Stream output) =>
        Write(head, output, (json, _) => WriteStepsInOrder(steps, json));

    private static void Write(Plan head, Stream output, Action<Utf8JsonWriter, Stream> writeSteps)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var digesting = new DigestingStream(output, hash);
        using var json = new Utf8JsonWriter(digesting, Options);
        WriteHead(head, json);
        writeSteps(json, digesting);
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
        var digesting = new DigestingStream(Stream.Null, hash);
        using (var json = new Utf8JsonWriter(digesting, Options))
        {
            WriteHead(plan, json);
            WriteSteps(plan.Steps, json, digesting, Parts.OfMachine);
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

    /// <summary>Everything before the steps.</summary>
    private static void WriteHead(Plan plan, Utf8JsonWriter json)
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
    }

    private static void WriteStepsInOrder(IEnumerable<PlanStep> steps, Utf8JsonWriter json)
    {
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            WriteFlushing(json, step);
        }
        json.WriteEndArray();
    }

    /// <summary>A step; the writer buffers everything until flushed, so it is handed to the stream as it goes (large plans
    /// are tens of MB).</summary>
    private static void WriteFlushing(Utf8JsonWriter json, PlanStep step)
    {
        WriteStep(json, step);
        if (json.BytesPending > 1 << 20)
        {
            json.Flush();
        }
    }

    /// <summary>How many parts a plan's steps may be written in at once, and the fewest steps a part has.</summary>
    internal readonly record struct Parts(int Cores, int MinimumSteps)
    {
        public static Parts OfMachine => new(Environment.ProcessorCount, 16_384);
    }

    /// <summary>
    /// The steps, in parts written at once on the machine's cores when there are many (a 10,000-node plan's 100 MB), each
    /// by a writer of its own into memory, then handed on in order after the first: the bytes are exactly those of one
    /// writer (a part's first step only lacks the comma between it and the step before).
    /// </summary>
    private static void WriteSteps(IReadOnlyList<PlanStep> steps, Utf8JsonWriter json, Stream output, Parts parts)
    {
        json.WriteStartArray("steps");
        var count = Math.Min(parts.Cores, steps.Count / parts.MinimumSteps);
        var size = count < 2 ? steps.Count : (steps.Count + count - 1) / count;
        var rest = Enumerable.Range(1, Math.Max(0, count - 1))
            .Select(part => Task.Run(() => Part(steps, part * size, Math.Min(steps.Count, (part + 1) * size))))
            .ToArray();
        for (var i = 0; i < size; i++)
        {
            WriteFlushing(json, steps[i]);
        }
        json.Flush();
        foreach (var part in rest)
        {
            if (part.GetAwaiter().GetResult() is { Length: > 0 } bytes)
            {
                output.WriteByte((byte)',');
                output.Write(bytes.Span);
            }
        }
        json.WriteEndArray();
    }

    private static ReadOnlyMemory<byte> Part(IReadOnlyList<PlanStep> steps, int from, int to)
    {
        var buffer = new ArrayBufferWriter<byte>(600 * (to - from));
        using var json = new Utf8JsonWriter(buffer, Options);
        // Written where the plan's own steps are, so indentation is the same; what comes before the first step is left out.
        json.WriteStartObject();
        json.WriteStartArray("steps");
        json.Flush();
        var start = buffer.WrittenCount;
        for (var i = from; i < to; i++)
        {
            WriteStep(json, steps[i]);
        }
        json.Flush();
        return buffer.WrittenMemory[start..];
    }

    // A step's field names, encoded once (a 10,000-node plan writes each 186,000 times).
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id"), Kind = JsonEncodedText.Encode("kind"),
        Phase = JsonEncodedText.Encode("phase"), Service = JsonEncodedText.Encode("service"), Nodes = JsonEncodedText.Encode("nodes"),
        Arguments = JsonEncodedText.Encode("arguments"), Class = JsonEncodedText.Encode("class"), Needs = JsonEncodedText.Encode("needs"),
        After = JsonEncodedText.Encode("after"), PauseAfterSeconds = JsonEncodedText.Encode("pause_after_seconds"),
        AlwaysRun = JsonEncodedText.Encode("always_run"), Group = JsonEncodedText.Encode("group");

    private static void WriteStep(Utf8JsonWriter json, PlanStep step)
    {
        json.WriteStartObject();
        json.WriteString(Id, step.Id);
        json.WriteString(Kind, step.Kind.Name);
        json.WriteString(Phase, step.Phase);
        if (step.Service is not null)
        {
            json.WriteString(Service, step.Service);
        }
        WriteStrings(json, Nodes, step.Nodes);
        json.WriteStartObject(Arguments);
        var arguments = step.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            json.WriteString(arguments[i].Key, arguments[i].Value);
        }
        json.WriteEndObject();
        json.WriteString(Class, step.Class);
        WriteStrings(json, Needs, step.Needs);
        WriteStrings(json, After, step.After);
        if (step.PauseAfterSeconds != 0)
        {
            json.WriteNumber(PauseAfterSeconds, step.PauseAfterSeconds);
        }
        if (step.AlwaysRun)
        {
            json.WriteBoolean(AlwaysRun, true);
        }
        json.WriteString(Group, step.Group);
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

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(values[i]);
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
