namespace Uplift.OpenStack;

/// <summary>
/// Decides, from one look at an instance, whether its live migration is over. Pure.
/// Nova sets status MIGRATING and task_state "migrating" while it works; on success the instance keeps its
/// previous status on the new host; on failure it goes back to its status on the source host (or to ERROR)
/// and the migration record says error/failed/cancelled.
/// </summary>
public static class LiveMigrationProgress
{
    /// <param name="newMigrations">Migration records of this instance that did not exist before Uplift asked; may be empty.</param>
    /// <returns>The result, or null while it is still going (or not yet started).</returns>
    public static (LiveMigrationResult Result, string Detail)? Judge(Server server, string sourceHost, IReadOnlyList<Migration> newMigrations)
    {
        if (string.Equals(server.Status, "ERROR", StringComparison.OrdinalIgnoreCase))
        {
            return (LiveMigrationResult.Failed, $"instance {server.Id} went to ERROR on {server.Host ?? "an unknown host"}");
        }
        var settled = server.TaskState is null && !string.Equals(server.Status, "MIGRATING", StringComparison.OrdinalIgnoreCase);
        if (!settled)
        {
            return null;
        }
        if (server.Host is { } host && host != sourceHost)
        {
            return (LiveMigrationResult.Moved, $"instance {server.Id} is {server.Status} on {host}");
        }
        var failed = newMigrations.FirstOrDefault(m => m.Failed && m.MigrationType is null or "live-migration");
        return failed is null
            ? null
            : (LiveMigrationResult.Failed, $"nova's live migration of instance {server.Id} ended '{failed.Status}'; it is still {server.Status} on {sourceHost}");
    }
}
