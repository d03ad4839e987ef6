using System.Text.Json;
using System.Text.Json.Nodes;
using Uplift.Files;

namespace Uplift.Database;

/// <summary>
/// The manifest.json format, versioned in this one place: snake_case keys, times in UTC ISO 8601,
/// "format_version" first. A file of another version is refused with a message, never half-read.
/// </summary>
public static class BackupManifestFile
{
    public const string FileName = "manifest.json";

    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Readable by people: '+' in versions and offsets stays '+' (the file is not embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(BackupManifest manifest)
    {
        var body = JsonSerializer.SerializeToNode(manifest with
        {
            TakenAt = manifest.TakenAt.ToUniversalTime(),
            VerifiedAt = manifest.VerifiedAt?.ToUniversalTime(),
        }, Options)!.AsObject();
        var document = new JsonObject { ["format_version"] = FormatVersion };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            document[key] = value;
        }
        return document.ToJsonString(Options) + "\n";
    }

    /// <exception cref="FormatException">Not a manifest of this format version; the message names <paramref name="source"/>.</exception>
    public static BackupManifest FromJson(string json, string source)
    {
        try
        {
            var document = JsonNode.Parse(json)?.AsObject()
                ?? throw new FormatException($"{source}: empty manifest");
            var version = document["format_version"]?.GetValue<int>();
            if (version != FormatVersion)
            {
                throw new FormatException(
                    $"{source}: manifest format_version {version?.ToString() ?? "missing"}, this uplift reads {FormatVersion}");
            }
            return document.Deserialize<BackupManifest>(Options)
                ?? throw new FormatException($"{source}: empty manifest");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{source}: not a backup manifest ({e.Message})", e);
        }
    }

    public static async Task WriteAsync(BackupManifest manifest, string directory, CancellationToken cancellationToken = default)
    {
        PrivateFile.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        await PrivateFile.WriteAllTextAsync(path + ".tmp", ToJson(manifest), cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads DIR/manifest.json, or the file itself when <paramref name="path"/> names it.</summary>
    public static async Task<BackupManifest> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no backup manifest at {file} (give the backup's directory or its {FileName})", file);
        }
        return FromJson(await File.ReadAllTextAsync(file, cancellationToken), file);
    }
}
