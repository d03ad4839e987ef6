namespace Uplift.Adapters;

/// <summary>
/// Keeps puppet from undoing an upgrade halfway: the agent is disabled with a reason (shown by puppet to whoever
/// runs it) and its unit stopped, disabled and masked. Nodes without puppet are left alone.
/// </summary>
public static class Puppet
{
    public const string Unit = "puppet";

    public static string Disable(string reason) =>
        "if command -v puppet >/dev/null 2>&1; then puppet agent --disable " + ShellQuote.Word(reason) + " && " +
        Systemd.StopDisableMask([Unit]) + "; fi";

    public static string Enable =>
        "if command -v puppet >/dev/null 2>&1; then " + Systemd.UnmaskEnableStart([Unit]) + " && puppet agent --enable; fi";

    /// <summary>Prints "absent" when the node has no puppet, else the unit's is-active and is-enabled lines.</summary>
    public static string Query =>
        "if command -v puppet >/dev/null 2>&1; then " + Systemd.Query([Unit]) + "; else echo absent; fi";

    public static bool IsAbsent(string queryOutput) => queryOutput.Trim() == "absent";
}
