using System.Text.Json.Serialization;

namespace Uplift.Database;

/// <summary>
/// What a backup holds and whether it was proven restorable. Written as manifest.json beside the dumps
/// (see <see cref="BackupManifestFile"/>), on the database node and in the operator's state directory.
/// </summary>
/// <param name="RunId">The upgrade run the backup was taken for: a run only trusts its own backup.</param>
/// <param name="Node">Inventory name of the node the dumps were taken on.</param>
/// <param name="NodeDirectory">Directory on that node holding the dumps.</param>
/// <param name="ServerVersion">SELECT VERSION() of the server dumped.</param>
/// <param name="TakenAt">UTC time the first dump started.</param>
/// <param name="VerifiedAt">UTC time every dump was restored into a scratch schema and matched; null until then.</param>
public sealed record BackupManifest(
    string RunId,
    string Node,
    string NodeDirectory,
    string ServerVersion,
    DateTimeOffset TakenAt,
    IReadOnlyList<SchemaDump> Schemas,
    DateTimeOffset? VerifiedAt = null)
{
    public bool Verified => VerifiedAt is not null;

    [JsonIgnore]
    public long TotalBytes => Schemas.Sum(s => s.Bytes);

    public SchemaDump? Find(string schema) => Schemas.FirstOrDefault(s => s.Schema == schema);
}
