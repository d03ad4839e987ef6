namespace Uplift.Catalog;

/// <summary>What a command's exit code means. Unknown codes are failures.</summary>
public enum ExitMeaning
{
    /// <summary>Done: nothing left to do.</summary>
    Done,
    /// <summary>Progress was made; run the command again (online migrations with a max count).</summary>
    Again,
    /// <summary>Succeeded with warnings worth showing (upgrade check).</summary>
    Warning,
    /// <summary>Schema expand still needed (keystone-manage db_sync --check exit 2).</summary>
    ExpandNeeded,
    /// <summary>Schema contract still needed (keystone-manage db_sync --check exit 4).</summary>
    ContractNeeded,
    /// <summary>The command reported a failure: stop and report.</summary>
    Failure,
    /// <summary>The command was called wrongly (exit 127 of the online migration commands).</summary>
    BadInput,
}

/// <summary>An exit-code table: code → meaning. Codes not listed are failures.</summary>
public sealed record ExitCodes(IReadOnlyDictionary<int, ExitMeaning> Meanings)
{
    public ExitMeaning Meaning(int exitCode) =>
        Meanings.TryGetValue(exitCode, out var meaning) ? meaning : ExitMeaning.Failure;
}
