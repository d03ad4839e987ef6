using Uplift.Catalog;

namespace Uplift.Database;

/// <summary>Exit codes of `SVC-status upgrade check` for the catalog: 0 done, 1 warning, 2 failure, 255 (crash) and any other code fail.</summary>
public static class UpgradeCheckExitCodes
{
    public static ExitCodes ExitCodes { get; } = new(new Dictionary<int, ExitMeaning>
    {
        [0] = ExitMeaning.Done,
        [1] = ExitMeaning.Warning,
        [2] = ExitMeaning.Failure,
    });
}
