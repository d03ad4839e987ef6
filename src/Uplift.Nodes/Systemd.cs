using Uplift.Transports;

namespace Uplift.Nodes;

/// <summary>
/// systemctl commands. Units are given in start order. Stopping runs in reverse order, then disables and masks them
/// so nothing (a package's postinst, puppet, a dependency) starts old code while packages change.
/// </summary>
public static class Systemd
{
    public static string StopDisableMask(IReadOnlyList<string> units) =>
        string.Join(" && ", units.Reverse().Select(u => "systemctl stop " + ShellQuote.Word(u))
            .Append("systemctl disable " + ShellQuote.Words(units))
            .Append("systemctl mask " + ShellQuote.Words(units)));

    public static string UnmaskEnableStart(IReadOnlyList<string> units) =>
        string.Join(" && ", new[] { "systemctl unmask " + ShellQuote.Words(units), "systemctl enable " + ShellQuote.Words(units) }
            .Concat(units.Select(u => "systemctl start " + ShellQuote.Word(u))));

    /// <summary>Sends a signal to each unit's main process (SIGHUP: reload, without a restart). --kill-who is the name
    /// systemd 252 (bookworm) knows; later versions keep it beside --kill-whom.</summary>
    public static string Signal(IReadOnlyList<string> units, string signal) =>
        $"systemctl kill --signal={ShellQuote.Word(signal)} --kill-who=main " + ShellQuote.Words(units);

    public static string Restart(IReadOnlyList<string> units) =>
        string.Join(" && ", units.Select(u => "systemctl restart " + ShellQuote.Word(u)));

    /// <summary>Prints is-active then is-enabled for every unit; both exit non-zero when a unit is not active/enabled, hence "; true".</summary>
    public static string Query(IReadOnlyList<string> units) =>
        "systemctl is-active " + ShellQuote.Words(units) + "; systemctl is-enabled " + ShellQuote.Words(units) + "; true";

    /// <summary>What <see cref="Query"/> prints when every unit is in one of <paramref name="active"/> states and one of
    /// <paramref name="enabled"/>: the node can judge it (a guard folded with its action).</summary>
    public static DoneWhen QueryShows(IReadOnlyList<string> units, IReadOnlyList<string> active, IReadOnlyList<string> enabled) =>
        new([0], [.. units.Select(_ => active), .. units.Select(_ => enabled)]);

    /// <summary>
    /// Parses the output of <see cref="Query"/>: one is-active line per unit, then one is-enabled line per unit.
    /// is-enabled prints nothing for a unit file that does not exist (on stderr instead): such units read as "".
    /// </summary>
    public static IReadOnlyList<UnitState> ParseQuery(IReadOnlyList<string> units, string standardOutput)
    {
        var lines = standardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count < units.Count)
        {
            throw new FormatException($"systemctl is-active printed {lines.Count} lines for {units.Count} units");
        }
        return units.Select((unit, i) => new UnitState(
            unit,
            lines[i],
            units.Count + i < lines.Count && lines.Count == 2 * units.Count ? lines[units.Count + i] : "")).ToList();
    }
}
