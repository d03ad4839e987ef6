using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>Checks a node has "min-free-mb" free under "path" (the APT archive cache: packages are downloaded there).</summary>
public sealed class DiskSpaceHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [DiskSpace.Command(CheckDiskSpaceStep.Read(step).Path)];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var (path, wanted) = CheckDiskSpaceStep.Read(context.Step);
        var result = await context.RunCheckedAsync(node, DiskSpace.Command(path)).ConfigureAwait(false);
        long free;
        try
        {
            free = DiskSpace.AvailableKilobytes(result.StandardOutput) / 1024;
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", result);
        }
        if (free < wanted)
        {
            throw new StepFailedException($"on {node}: only {free} MB free under {path}, {wanted} MB needed; free some space (apt-get clean) and resume", result);
        }
    }
}
