using Uplift.Catalog;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Points the node's APT sources at the target release.</summary>
/// <param name="SourcesFile">The file uplift owns (catalog apt.yaml, the inventory's apt section).</param>
/// <param name="Content">The file's text for the release; {codename} is the node's, filled on the node.</param>
/// <param name="Replaces">Earlier releases' files removed once it is written ({codename} filled on the node).</param>
public sealed record AptSourcesStep(string SourcesFile, string Content, string Release, IReadOnlyList<string>? Replaces = null) : IStepArguments<AptSourcesStep>
{
    public const string Name = "apt-sources";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>The step of a hop from <paramref name="from"/> to <paramref name="to"/> under <paramref name="apt"/>.</summary>
    public static AptSourcesStep For(AptSettings apt, Release to, Release? from) =>
        new(apt.SourcesFile, apt.ContentFor(to), to.Series, apt.ReplacedFor(to, from));

    public IReadOnlyList<string> Replaced => Replaces ?? [];

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("sources-file", SourcesFile), ("content", Content), ("release", Release),
            ("replaces", Replaced.Count > 0 ? StepArguments.Words(Replaced) : null));

    public static AptSourcesStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("sources-file"), arguments.Required("content"), arguments.Optional("release") ?? "",
            arguments.Optional("replaces") is { Length: > 0 } ? arguments.ListedWords("replaces") : null);
    }
}
