using System.Text.Json.Serialization;

namespace Uplift.Database;

/// <summary>Rows of one table around the dump.</summary>
/// <param name="Rows">COUNT(*) in a consistent snapshot just before mysqldump started.</param>
/// <param name="RowsAfterDump">COUNT(*) again just after it ended. mysqldump reads its own snapshot in between,
/// so on a live cloud the dump holds a count between the two; equal on a quiet one.</param>
public sealed record TableRows(string Table, long Rows, long RowsAfterDump)
{
    /// <summary>Whether a restored table with <paramref name="restored"/> rows can be this dump's.</summary>
    public bool Admits(long restored) =>
        restored >= Math.Min(Rows, RowsAfterDump) && restored <= Math.Max(Rows, RowsAfterDump);

    [JsonIgnore]
    public string Expected => Rows == RowsAfterDump ? $"{Rows}" : $"{Math.Min(Rows, RowsAfterDump)}–{Math.Max(Rows, RowsAfterDump)}";
}
