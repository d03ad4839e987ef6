namespace Uplift.OpenStack;

/// <summary>
/// A migration record (os-migrations): which instance, its type (live-migration, migration, resize, evacuation;
/// 2.23+), its status (queued, preparing, running, completed, error, failed, cancelled …) and where from/to.
/// </summary>
public sealed record Migration(
    string InstanceId,
    string Status,
    string? MigrationType = null,
    string? SourceCompute = null,
    string? DestCompute = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    string? Id = null)
{
    /// <summary>Statuses after which nova gave up (nova/objects/migration.py): the instance stayed where it was.</summary>
    public bool Failed => Status is "error" or "failed" or "cancelled";
}
