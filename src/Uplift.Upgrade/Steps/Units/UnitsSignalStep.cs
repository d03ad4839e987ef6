using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Sends units a signal (SIGHUP: reload configuration, e.g. after the RPC pin is removed).</summary>
public sealed record UnitsSignalStep(IReadOnlyList<string> Units, string Signal = UnitsSignalStep.DefaultSignal) : IStepArguments<UnitsSignalStep>
{
    public const string Name = "units-signal";

    public const string DefaultSignal = "HUP";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("units", StepArguments.Words(Units)), ("signal", Signal));

    public static UnitsSignalStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.RequiredWords("units"), arguments.Optional("signal") ?? DefaultSignal);
    }

    /// <summary>systemctl kill --signal to the units.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((step, _) =>
    {
        var signal = Read(step);
        return Systemd.Signal(signal.Units, signal.Signal);
    });
}
