namespace Uplift.Nodes;

/// <summary>A systemd unit's state as <c>systemctl is-active</c> and <c>is-enabled</c> print it.</summary>
/// <param name="Active">active, inactive, failed, activating, deactivating, reloading or unknown.</param>
/// <param name="Enabled">enabled, disabled, masked, static, … (empty when not asked).</param>
public sealed record UnitState(string Unit, string Active, string Enabled = "")
{
    /// <summary>What is-active prints for a running unit.</summary>
    public static IReadOnlyList<string> Running { get; } = ["active"];

    /// <summary>What is-active prints for a unit not running.</summary>
    public static IReadOnlyList<string> Stopped { get; } = ["inactive", "failed", "unknown"];

    /// <summary>What is-enabled prints for a unit that starts at boot or with what pulls it in.</summary>
    public static IReadOnlyList<string> Enabling { get; } = ["enabled", "static", "indirect", "generated", "alias"];

    /// <summary>What is-enabled prints for a masked unit.</summary>
    public static IReadOnlyList<string> Masked { get; } = ["masked", "masked-runtime"];

    public bool IsActive => Running.Contains(Active);

    /// <summary>Stopped for good: not running (inactive, failed or unknown) and masked.</summary>
    public bool IsStoppedAndMasked => Stopped.Contains(Active) && Masked.Contains(Enabled);

    public bool IsRunningAndEnabled => IsActive && Enabling.Contains(Enabled);
}
