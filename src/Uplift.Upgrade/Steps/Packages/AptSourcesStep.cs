using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Points the node's APT sources at the target release.</summary>
/// <param name="SourcesFile">The file uplift owns (catalog apt.yaml).</param>
/// <param name="Line">The release's sources line.</param>
public sealed record AptSourcesStep(string SourcesFile, string Line, string Release) : IStepArguments<AptSourcesStep>
{
    public const string Name = "apt-sources";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("sources-file", SourcesFile), ("line", Line), ("release", Release));

    public static AptSourcesStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("sources-file"), arguments.Required("line"), arguments.Optional("release") ?? "");
    }
}
