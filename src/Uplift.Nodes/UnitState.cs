namespace Uplift.Nodes;

/// <summary>A systemd unit's state as <c>systemctl is-active</c> and <c>is-enabled</c> print it.</summary>
/// <param name="Active">active, inactive, failed, activating, deactivating, reloading or unknown.</param>
/// <param name="Enabled">enabled, disabled, masked, static, … (empty when not asked).</param>
public sealed record UnitState(string Unit, string Active, string Enabled = "")
{
    public bool IsActive => Active == "active";

    /// <summary>Stopped for good: not running (inactive, failed or unknown) and masked.</summary>
    public bool IsStoppedAndMasked => Active is "inactive" or "failed" or "unknown" && Enabled is "masked" or "masked-runtime";

    public bool IsRunningAndEnabled => IsActive && Enabled is "enabled" or "static" or "indirect" or "generated" or "alias";
}
