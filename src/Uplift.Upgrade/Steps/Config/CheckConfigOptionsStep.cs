using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>No configuration option the target release removed is still set (read-only).</summary>
public sealed record CheckConfigOptionsStep(IReadOnlyList<RetiredOption> Options) : IStepArguments<CheckConfigOptionsStep>
{
    public const string Name = "check-config-options";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("options", string.Join(';', Options.Select(o =>
        $"{o.File}|{o.Section}|{o.Option}|{o.ReplacedBy}" + (o.StopsService.Length > 0 ? "|" + Plain(o.StopsService) : "")))));

    /// <summary>"FILE|SECTION|OPTION|REPLACED_BY[|WHY_IT_STOPS_THE_SERVICE];…".</summary>
    public static CheckConfigOptionsStep Read(PlanStep step) => new(
        [.. new StepArguments(step).Required("options").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('|'))
            .Where(p => p.Length >= 3)
            .Select(p => new RetiredOption(p[0], p[1], p[2], p.Length > 3 ? p[3] : "", p.Length > 4 ? p[4] : ""))]);

    /// <summary>The note without the separators of the "options" argument.</summary>
    private static string Plain(string note) => note.Replace(';', ',').Replace('|', '/');
}
