using Uplift.Catalog;
using Uplift.Execution;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Reads a step's "exit-codes" argument ("0=done,1=again,2=failure,127=bad-input") into a catalog exit-code table.</summary>
public static class ExitCodeTable
{
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
                throw new StepFailedException(
                    $"exit-codes '{text}': '{pair}' is not CODE=MEANING (meanings: done, again, warning, expand-needed, contract-needed, failure, bad-input)");
            }
            meanings[code] = meaning;
        }
        return new ExitCodes(meanings);
    }
}
