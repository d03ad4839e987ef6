using Uplift.Catalog;

namespace Uplift.Database;

/// <summary>
/// `keystone-manage db_sync --check` exit codes (openstack/keystone keystone/cmd/cli.py, DbSync.check_db_sync_status):
/// 0 schema up to date; 2 expand needed; 4 contract needed (expand ahead of contract); 1 an error.
/// Releases before Yoga also used 3 (data migration needed); it maps to a failure here, as the old
/// --migrate step is not planned.
/// </summary>
public static class KeystoneSchemaCheck
{
    public const string Command = "keystone-manage db_sync --check";

    public static ExitCodes ExitCodes { get; } = new(new Dictionary<int, ExitMeaning>
    {
        [0] = ExitMeaning.Done,
        [2] = ExitMeaning.ExpandNeeded,
        [4] = ExitMeaning.ContractNeeded,
        [1] = ExitMeaning.Failure,
    });

    /// <summary>What to do next, in the operator's words.</summary>
    public static string Advice(int exitCode) => ExitCodes.Meaning(exitCode) switch
    {
        ExitMeaning.Done => "keystone schema is up to date",
        ExitMeaning.ExpandNeeded => "keystone schema needs expand: keystone-manage db_sync --expand",
        ExitMeaning.ContractNeeded => "keystone schema needs contract once every keystone runs the new release: keystone-manage db_sync --contract",
        _ => $"keystone-manage db_sync --check failed (exit {exitCode}): see keystone's log",
    };
}
