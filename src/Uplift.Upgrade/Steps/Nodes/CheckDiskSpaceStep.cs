using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>The node has the free space its packages need (read-only).</summary>
public sealed record CheckDiskSpaceStep(string Path, int MinFreeMegabytes = CheckDiskSpaceStep.DefaultMinFreeMegabytes) : IStepArguments<CheckDiskSpaceStep>
{
    public const string Name = "check-disk-space";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("path", Path), ("min-free-mb", StepArguments.Number(MinFreeMegabytes)));

    public static CheckDiskSpaceStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("path"), arguments.Number("min-free-mb", DefaultMinFreeMegabytes));
    }

    public const int DefaultMinFreeMegabytes = 1024;
}
