namespace Uplift.Database;

/// <summary>
/// Decides whether a run may start a DB step (schema expand/migrate/contract, sync, online migrations):
/// only with a verified backup taken for that same run, because upstream supports no schema downgrade and
/// a restore is the only way back. The opt-out is named so nobody passes it by accident.
/// </summary>
public static class DatabaseStepGate
{
    /// <summary>The CLI flag of the opt-out (for `uplift run`).</summary>
    public const string OptOutFlag = "--no-verified-backup-i-accept-data-loss";

    /// <param name="backup">The manifest found for this run (state directory), or null when none was taken.</param>
    /// <param name="runId">The run about to start the DB step.</param>
    /// <param name="optOut">The operator passed <see cref="OptOutFlag"/>.</param>
    public static GateDecision MayStart(BackupManifest? backup, string runId, bool optOut)
    {
        if (optOut)
        {
            return new(true, $"no verified backup required: {OptOutFlag} given; a failed schema step cannot be rolled back");
        }
        if (backup is null)
        {
            return new(false, $"no backup taken for run {runId}: run `uplift backup --verify` first (or pass {OptOutFlag})");
        }
        if (backup.RunId != runId)
        {
            return new(false, $"the backup found belongs to run {backup.RunId}, not {runId}: take one for this run with `uplift backup --verify`");
        }
        if (!backup.Verified)
        {
            return new(false, $"backup {backup.RunId} was not verified: run `uplift backup --verify` (restores each dump into a scratch schema)");
        }
        return new(true, $"verified backup {backup.RunId} of {string.Join(", ", backup.Schemas.Select(s => s.Schema))} ({backup.VerifiedAt:u})");
    }
}
