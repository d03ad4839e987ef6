using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>Waits until an API answers on the node's own address (before its server goes back into HAProxy).</summary>
/// <param name="Address">The node's own address the API listens on.</param>
/// <param name="Unit">The API's unit (named in the failure).</param>
public sealed record WaitBackendStep(string Address, int Port, string Unit, int TimeoutSeconds = WaitBackendStep.DefaultTimeoutSeconds) : IStepArguments<WaitBackendStep>
{
    public const string Name = "wait-backend";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("address", Address), ("port", StepArguments.Number(Port)), ("unit", Unit), ("timeout", TimeoutSeconds == DefaultTimeoutSeconds ? null : StepArguments.Number(TimeoutSeconds)));

    public static WaitBackendStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        var port = arguments.Number("port", 0);
        return new(arguments.Required("address"),
            port > 0 ? port : throw new PlanStepException($"step {step.Id} ({step.Kind}) lacks its argument 'port': the plan is wrong, re-plan"),
            arguments.Optional("unit") ?? "", arguments.Number("timeout", DefaultTimeoutSeconds));
    }

    public const int DefaultTimeoutSeconds = 120;
}
