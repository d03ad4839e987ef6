using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Sends units a signal (SIGHUP: reload configuration, e.g. after the RPC pin is removed).</summary>
public sealed record UnitsSignalStep
{
    public const string Name = "units-signal";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>systemctl kill --signal to the units (HUP unless the step says).</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((step, _) => Systemd.Signal(ShellQuote.Split(step.Argument("units")), step.Argument("signal") ?? "HUP"));
}
