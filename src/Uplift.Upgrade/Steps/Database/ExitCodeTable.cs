using Uplift.Catalog;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>A step's "exit-codes" argument ("0=done,1=again,2=failure,127=bad-input"): a catalog exit-code table written
/// and read back.</summary>
public static class ExitCodeTable
{
    /// <summary>The table as the plan carries it; "0=done" for a command without one.</summary>
    public static string Text(ExitCodes? codes) =>
        codes is null ? "0=done" : string.Join(',', codes.Meanings.OrderBy(m => m.Key).Select(m => $"{m.Key}={Kebab(m.Value)}"));

    private static string Kebab(ExitMeaning meaning) => meaning switch
    {
        ExitMeaning.ExpandNeeded => "expand-needed",
        ExitMeaning.ContractNeeded => "contract-needed",
        ExitMeaning.BadInput => "bad-input",
        _ => meaning.ToString().ToLowerInvariant(),
    };

    public static ExitCodes? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var meanings = new Dictionary<int, ExitMeaning>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], out var code) ||
                !Enum.TryParse<ExitMeaning>(parts[1].Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var meaning))
            {
                throw new FormatException(
                    $"exit-codes '{text}': '{pair}' is not CODE=MEANING (meanings: done, again, warning, expand-needed, contract-needed, failure, bad-input)");
            }
            meanings[code] = meaning;
        }
        return new ExitCodes(meanings);
    }
}
