namespace Uplift.Nodes;

/// <summary>
/// Keeps puppet from undoing an upgrade halfway: the agent is disabled with a reason (puppet shows it to whoever runs
/// it; the lock file is `puppet config print agent_disabled_lockfile`) and its unit stopped, disabled and masked.
/// Nodes without puppet are left alone; unit commands are best effort (nodes that run the agent from cron have no unit).
/// </summary>
public static class Puppet
{
    private const string IfPuppet = "if command -v puppet >/dev/null 2>&1; then ";

    public static string Disable(string reason) =>
        IfPuppet + "puppet agent --disable " + ShellQuote.Word(reason) + " || exit 1; " +
        "for verb in stop disable mask; do systemctl $verb puppet >/dev/null 2>&1; done; fi; true";

    public static string Enable =>
        IfPuppet + "for verb in unmask enable start; do systemctl $verb puppet >/dev/null 2>&1; done; puppet agent --enable || exit 1; fi; true";

    /// <summary>Prints "absent" without puppet (exit 0); else one agent run's output, its exit code puppet's detailed
    /// one (<see cref="RunMeaning"/>).</summary>
    public static string Run =>
        IfPuppet + "puppet agent --test --detailed-exitcodes; else echo absent; fi";

    /// <summary>puppet agent --detailed-exitcodes (puppet's man page of `agent`): 0 succeeded, no change; 2 succeeded
    /// with changes; 4 some resources failed; 6 changes and failures; 1 the run failed or was not attempted (another run
    /// in progress, the agent disabled).</summary>
    public static (bool Succeeded, string Meaning) RunMeaning(int exitCode) => exitCode switch
    {
        0 => (true, "no change"),
        2 => (true, "resources changed"),
        4 => (false, "some resources failed"),
        6 => (false, "resources changed and some failed"),
        1 => (false, "the run failed or was not attempted (another run in progress, or the agent disabled)"),
        _ => (false, $"exit {exitCode}, not one of puppet's detailed exit codes"),
    };

    /// <summary>Prints "absent" without puppet; else "disabled" or "enabled" (the agent lock), then the unit's is-active.</summary>
    public static string Query =>
        IfPuppet + "if [ -e \"$(puppet config print agent_disabled_lockfile)\" ]; then echo disabled; else echo enabled; fi; " +
        "systemctl is-active puppet 2>/dev/null; true; else echo absent; fi";

    /// <summary>Reads <see cref="Query"/>: true when puppet is absent or in the wanted state.</summary>
    public static bool IsSettled(string queryOutput, bool disabled)
    {
        var lines = queryOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new FormatException("the puppet state query printed nothing");
        }
        return lines[0] switch
        {
            "absent" => true,
            "disabled" => disabled && (lines.Count < 2 || lines[1] != "active"),
            "enabled" => !disabled,
            _ => throw new FormatException($"the puppet state query printed '{lines[0]}'"),
        };
    }
}
