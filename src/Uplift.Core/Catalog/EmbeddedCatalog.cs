using System.Security.Cryptography;
using System.Text;
using Uplift.Diagnostics;

namespace Uplift.Catalog;

/// <summary>
/// The catalog data compiled into Uplift (Catalog/Data/*.yaml, embedded as Uplift.Catalog.Data.&lt;file&gt;).
/// Parsed once per process: the parts are immutable, so the cache is safe to share.
/// </summary>
internal sealed class EmbeddedCatalog
{
    /// <summary>Read in this order: releases first (config changes name them), exit-code tables before services.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["releases.yaml", "services.yaml", "dependencies.yaml", "config-changes.yaml", "apt.yaml", "versions.yaml"];

    private static readonly Lazy<EmbeddedCatalog> Cached = new(Read);

    private EmbeddedCatalog(IReadOnlyList<CatalogFile> files, IReadOnlyList<byte[]> bytes, OpenStackCatalog catalog)
    {
        Files = files;
        Bytes = bytes;
        Catalog = catalog;
    }

    public static EmbeddedCatalog Instance => Cached.Value;

    public IReadOnlyList<CatalogFile> Files { get; }

    /// <summary>The raw bytes of each file, in <see cref="FileNames"/> order (hashed into ContentHash).</summary>
    public IReadOnlyList<byte[]> Bytes { get; }

    public OpenStackCatalog Catalog { get; }

    /// <summary>sha256 over the embedded files and then the extra (overlay) bytes, lower-case hex.</summary>
    public string HashWith(byte[]? overlay) => Hash(overlay is null ? Bytes : [.. Bytes, overlay]);

    private static string Hash(IEnumerable<byte[]> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var data in parts)
        {
            // Length first, so moving bytes from one file to the next changes the hash.
            hash.AppendData(BitConverter.GetBytes((long)data.Length));
            hash.AppendData(data);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static EmbeddedCatalog Read()
    {
        var problems = new List<Diagnostic>();
        var files = new List<CatalogFile>();
        var bytes = new List<byte[]>();
        foreach (var name in FileNames)
        {
            var data = Resource(name);
            bytes.Add(data);
            var tables = files.LastOrDefault()?.ExitCodeTables ?? new Dictionary<string, ExitCodes>();
            var series = files.FirstOrDefault()?.Releases?.Select(r => r.Series).ToList();
            files.Add(CatalogFileReader.Read(Encoding.UTF8.GetString(data), $"{name} (embedded)", overlay: false, tables, series, problems));
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
        return new EmbeddedCatalog(files, bytes, CatalogAssembly.Build(files, Hash(bytes)));
    }

    private static byte[] Resource(string name)
    {
        var logical = $"Uplift.Catalog.Data.{name}";
        using var stream = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream(logical)
            ?? throw new InvalidOperationException($"embedded catalog file {logical} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
