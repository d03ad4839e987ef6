using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>Registers the handlers that work through the OpenStack APIs: the compute dance, service checks, smoke test.</summary>
public static class ComputeHandlers
{
    /// <summary>Each kind that calls the OpenStack APIs, with its handler: the one list both the registration and
    /// <see cref="Kinds"/> are read from.</summary>
    private static readonly (StepKind Kind, Func<ComputeCloud, IStepHandler> Handler)[] Table =
    [
        (StepKind.ComputeDisable, cloud => new ComputeDisableHandler(cloud)),
        (StepKind.ComputeMigrateInstances, cloud => new ComputeMigrateHandler(cloud)),
        (StepKind.ComputeCheckEmpty, cloud => new ComputeCheckEmptyHandler(cloud)),
        (StepKind.ComputeWaitUp, cloud => new ComputeWaitUpHandler(cloud)),
        (StepKind.ComputeEnable, cloud => new ComputeEnableHandler(cloud)),
        (StepKind.CheckServicesUp, cloud => new ServicesUpHandler(cloud)),
        (StepKind.PostCheck, cloud => new SmokeTestHandler(cloud)),
    ];

    /// <summary>The step kinds that call the OpenStack APIs (a run needs a cloud for them).</summary>
    public static IReadOnlySet<StepKind> Kinds { get; } = Table.Select(t => t.Kind).ToHashSet();

    public static StepHandlers WithOpenStack(this StepHandlers handlers, ComputeCloud cloud) =>
        Table.Aggregate(handlers, (all, entry) => all.With(entry.Handler(cloud), entry.Kind));
}
