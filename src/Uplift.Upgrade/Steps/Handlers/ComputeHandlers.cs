using Uplift.Planning;

namespace Uplift.Upgrade.Steps;

/// <summary>The step kinds that call the OpenStack APIs (a run needs a cloud for them).</summary>
public static class ComputeHandlers
{
    public static IReadOnlySet<StepKind> Kinds { get; } = new HashSet<StepKind>
    {
        StepKind.ComputeDisable, StepKind.ComputeMigrateInstances, StepKind.ComputeCheckEmpty, StepKind.ComputeWaitUp,
        StepKind.ComputeEnable, StepKind.CheckServicesUp, StepKind.PostCheck,
    };
}
