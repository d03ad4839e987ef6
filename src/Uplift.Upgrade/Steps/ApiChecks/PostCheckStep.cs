using Uplift.Planning;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>Smoke test through the APIs once the upgrade is done (read-only).</summary>
public sealed record PostCheckStep(IReadOnlyList<string> Checks) : IStepArguments<PostCheckStep>
{
    public const string Name = "post-check";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("checks", StepArguments.Words(Checks)));

    public static PostCheckStep Read(PlanStep step) => new(new StepArguments(step).Words("checks") is { Count: > 0 } checks ? checks : DefaultChecks);

    /// <summary>Keystone issues a token and nova lists servers.</summary>
    public static IReadOnlyList<string> DefaultChecks { get; } = ["issue-token", "list-servers"];
}
