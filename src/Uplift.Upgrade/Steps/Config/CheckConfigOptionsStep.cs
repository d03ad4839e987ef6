using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>No configuration option the target release removed is still set (read-only).</summary>
public sealed record CheckConfigOptionsStep(IReadOnlyList<RetiredOption> Options) : IStepArguments<CheckConfigOptionsStep>
{
    public const string Name = "check-config-options";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("options", string.Join(';', Options.Select(o => $"{o.File}|{o.Section}|{o.Option}|{o.ReplacedBy}"))));

    /// <summary>"FILE|SECTION|OPTION|REPLACED_BY;…".</summary>
    public static CheckConfigOptionsStep Read(PlanStep step) => new(
        [.. new StepArguments(step).Required("options").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('|'))
            .Where(p => p.Length >= 3)
            .Select(p => new RetiredOption(p[0], p[1], p[2], p.Length > 3 ? p[3] : ""))]);
}
