namespace Uplift.Execution.Journal;

/// <summary>The journal's SQL schema (created when missing; new columns only ever added).</summary>
internal static class JournalSchema
{
    // WAL: readers (uplift status) never block the run; synchronous=NORMAL in WAL keeps every committed transaction
    // when the process is killed (only a power loss may lose the last ones).
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    public const string Tables = """
        CREATE TABLE IF NOT EXISTS plans(
            plan_hash TEXT PRIMARY KEY, plan_json TEXT NOT NULL, stored TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
            id INTEGER PRIMARY KEY AUTOINCREMENT, plan_hash TEXT NOT NULL, started TEXT NOT NULL,
            ended TEXT, outcome TEXT);
        CREATE TABLE IF NOT EXISTS steps(
            plan_hash TEXT NOT NULL, step_id TEXT NOT NULL, state TEXT NOT NULL, run_id INTEGER NOT NULL,
            started TEXT, ended TEXT, exit_code INTEGER, stdout TEXT NOT NULL DEFAULT '', stderr TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT '', PRIMARY KEY(plan_hash, step_id));
        CREATE TABLE IF NOT EXISTS attempts(
            id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL, step_id TEXT NOT NULL, state TEXT NOT NULL,
            started TEXT NOT NULL, ended TEXT, exit_code INTEGER, stdout TEXT, stderr TEXT, message TEXT);
        CREATE INDEX IF NOT EXISTS attempts_by_step ON attempts(run_id, step_id);
        CREATE TABLE IF NOT EXISTS identities(
            plan_hash TEXT PRIMARY KEY, identity TEXT NOT NULL, recorded TEXT NOT NULL);
        """;
}
