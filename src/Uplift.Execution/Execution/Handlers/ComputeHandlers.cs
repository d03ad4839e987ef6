using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>Registers the handlers that work through the OpenStack APIs: the compute dance, service checks, smoke test.</summary>
public static class ComputeHandlers
{
    /// <summary>The step kinds that call the OpenStack APIs (a run needs a cloud for them).</summary>
    public static IReadOnlySet<StepKind> Kinds { get; } = new HashSet<StepKind>
    {
        StepKind.ComputeDisable, StepKind.ComputeMigrateInstances, StepKind.ComputeCheckEmpty, StepKind.ComputeWaitUp, StepKind.ComputeEnable,
        StepKind.CheckServicesUp, StepKind.PostCheck,
    };

    public static StepHandlers WithOpenStack(this StepHandlers handlers, ComputeCloud cloud) => handlers
        .With(new ComputeDisableHandler(cloud), StepKind.ComputeDisable)
        .With(new ComputeMigrateHandler(cloud), StepKind.ComputeMigrateInstances)
        .With(new ComputeCheckEmptyHandler(cloud), StepKind.ComputeCheckEmpty)
        .With(new ComputeWaitUpHandler(cloud), StepKind.ComputeWaitUp)
        .With(new ComputeEnableHandler(cloud), StepKind.ComputeEnable)
        .With(new ServicesUpHandler(cloud), StepKind.CheckServicesUp)
        .With(new SmokeTestHandler(cloud), StepKind.PostCheck);
}
