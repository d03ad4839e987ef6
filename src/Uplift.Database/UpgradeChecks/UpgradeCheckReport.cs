namespace Uplift.Database;

/// <summary>A parsed `SVC-status upgrade check` run.</summary>
/// <param name="ExitCode">The command's exit code, which decides the <see cref="Verdict"/>.</param>
/// <param name="Checks">The checks printed (none when it crashed).</param>
/// <param name="Error">For a crash: what it printed (oslo.upgradecheck prints "Error:" and the traceback).</param>
public sealed record UpgradeCheckReport(int ExitCode, IReadOnlyList<UpgradeCheck> Checks, string? Error = null)
{
    public UpgradeCheckVerdict Verdict => ExitCode switch
    {
        0 => UpgradeCheckVerdict.Success,
        1 => UpgradeCheckVerdict.Warning,
        2 => UpgradeCheckVerdict.Failure,
        _ => UpgradeCheckVerdict.Crashed,
    };

    /// <summary>Whether the run may go on: success or warnings only.</summary>
    public bool MayProceed => Verdict is UpgradeCheckVerdict.Success or UpgradeCheckVerdict.Warning;

    public IEnumerable<UpgradeCheck> Warnings => Checks.Where(c => c.Status == CheckStatus.Warning);

    public IEnumerable<UpgradeCheck> Failures => Checks.Where(c => c.Status == CheckStatus.Failure);

    /// <summary>Lines for the operator: the failures and warnings with their details, or the crash.</summary>
    public IEnumerable<string> Describe()
    {
        if (Verdict == UpgradeCheckVerdict.Crashed)
        {
            yield return $"upgrade check crashed (exit {ExitCode}): {Error?.Trim() ?? "no output"}";
            yield break;
        }
        foreach (var check in Checks.Where(c => c.Status != CheckStatus.Success).OrderByDescending(c => c.Status))
        {
            yield return $"{check.Status}: {check.Name}" + (check.Details is null ? "" : $": {check.Details}");
        }
    }
}
