using System.Text.Json.Serialization;

namespace Uplift.Database;

/// <summary>One schema's dump in a backup.</summary>
/// <param name="File">File name (no directory), e.g. "nova_api.sql.gz", relative to the backup's directory.</param>
/// <param name="Bytes">Size of the compressed file.</param>
/// <param name="Sha256">Lower-case hex sha256 of the compressed file.</param>
/// <param name="Tables">Base tables with their row counts, by name.</param>
public sealed record SchemaDump(string Schema, string File, long Bytes, string Sha256, IReadOnlyList<TableRows> Tables)
{
    [JsonIgnore]
    public long TotalRows => Tables.Sum(t => t.Rows);
}
