using System.Text.RegularExpressions;
using Uplift.Transports;

namespace Uplift.Tests.Execution;

/// <summary>
/// An in-memory Debian node that understands the commands the adapters build (dpkg-query, apt-cache policy,
/// apt-get install, systemctl, sources files), alone or in a batch (<see cref="CommandBatch"/>), and logs every command it ran.
/// </summary>
internal sealed partial class FakeNode(string name) : IRemoteShell
{
    public string Node { get; } = name;

    public Dictionary<string, string> Installed { get; } = [];

    public Dictionary<string, string> Candidates { get; } = [];

    public Dictionary<string, (string Active, string Enabled)> Units { get; } = [];

    public Dictionary<string, string> Files { get; } = [];

    public List<string> Log { get; } = [];

    /// <summary>Commands answered as written here (exit code and output), before the fake's own programs.</summary>
    public Dictionary<string, (int ExitCode, string Output)> Answers { get; } = [];

    public bool Reachable { get; set; } = true;

    /// <summary>Commands received: a batch counts once (one SSH round trip).</summary>
    public int RoundTrips { get; private set; }

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        lock (Log)
        {
            if (!Reachable)
            {
                return Task.FromResult(new CommandResult(255, "", $"ssh: connect to host {Node} port 22: Connection refused", TimeSpan.Zero, Unreachable: true));
            }
            RoundTrips++;
            if (CommandBatch.Parse(command.Script) is not { } batch)
            {
                Log.Add(command.Script);
                return Task.FromResult(Run(command.Script));
            }
            var results = new List<CommandResult>();
            foreach (var part in batch.Parts)
            {
                Log.Add(part);
                results.Add(Run(part));
                if (results.Count == 1 && batch.Guard is { } guard ? guard.Matches(results[0]) : batch.StopAfterFailure && results[^1].ExitCode != 0)
                {
                    break;
                }
            }
            return Task.FromResult(batch.Join(results));
        }
    }

    public int Count(string prefix) => Log.Count(c => c.StartsWith(prefix, StringComparison.Ordinal));

    private CommandResult Run(string script)
    {
        if (Answers.TryGetValue(script, out var answer))
        {
            return new CommandResult(answer.ExitCode, answer.Output, "", TimeSpan.Zero);
        }
        if (script.StartsWith("for f in ", StringComparison.Ordinal))
        {
            // Apt.Existing: which of the files exist.
            var files = script["for f in ".Length..script.IndexOf("; do", StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Ok(string.Concat(files.Where(Files.ContainsKey).Select(f => f + "\n")));
        }
        if (script.StartsWith("systemctl is-active", StringComparison.Ordinal))
        {
            var units = script.Split(';')[0].Split(' ')[2..];
            var lines = units.Select(u => Units.GetValueOrDefault(u, (Active: "inactive", Enabled: "")).Active)
                .Concat(units.Select(u => Units.GetValueOrDefault(u, (Active: "inactive", Enabled: "")).Enabled));
            return Ok(string.Join("\n", lines) + "\n");
        }
        var output = "";
        foreach (var part in script.Split(" && "))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["true"]:
                    break;
                case ["dpkg-query", "-W", _, .. var names]:
                    var known = names.Where(Installed.ContainsKey).Order(StringComparer.Ordinal).ToList();
                    var unknown = names.Except(known).ToList();
                    return new CommandResult(unknown.Count > 0 ? 1 : 0,
                        string.Concat(known.Select(n => $"{n}\t{Installed[n]}\tii \n")),
                        string.Concat(unknown.Select(n => $"dpkg-query: no packages found matching {n}\n")), TimeSpan.Zero);
                case ["TZ=UTC", "systemctl", "show", .. var arguments]:
                    // The fake keeps no start times: ActiveEnterTimestamp is empty, as systemd prints it for a unit never started.
                    var shown = arguments.Where(a => a.EndsWith(".service", StringComparison.Ordinal)).Select(a => a[..^".service".Length]);
                    output += string.Join("\n", shown.Select(u =>
                        $"Id={u}.service\nActiveState={Units.GetValueOrDefault(u, (Active: "inactive", Enabled: "")).Active}\nActiveEnterTimestamp=\n"));
                    break;
                case ["apt-cache", "policy", .. var names]:
                    output += string.Concat(names.Where(n => Candidates.ContainsKey(n) || Installed.ContainsKey(n)).Select(n =>
                        $"{n}:\n  Installed: {Installed.GetValueOrDefault(n, "(none)")}\n  Candidate: {Candidates.GetValueOrDefault(n, "(none)")}\n  Version table:\n"));
                    break;
                case ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-o", _, .. var names]:
                    foreach (var n in names)
                    {
                        Installed[n] = Candidates[n];
                    }
                    break;
                case ["systemctl", var verb, .. var units]:
                    foreach (var unit in units)
                    {
                        var (active, enabled) = Units.GetValueOrDefault(unit, ("inactive", "disabled"));
                        Units[unit] = verb switch
                        {
                            "stop" => ("inactive", enabled),
                            "start" or "restart" when enabled == "masked" => throw new InvalidOperationException($"{unit} is masked"),
                            "start" or "restart" => ("active", enabled),
                            "disable" => (active, enabled == "masked" ? "masked" : "disabled"),
                            "mask" => (active, "masked"),
                            "unmask" => (active, "disabled"),
                            "enable" => (active, "enabled"),
                            _ => throw new InvalidOperationException("systemctl " + verb),
                        };
                    }
                    break;
                case ["cat", var file, ..]:
                    output += Files.GetValueOrDefault(file, "");
                    break;
                case ["rm", "-f", .. var files]:
                    foreach (var file in files)
                    {
                        Files.Remove(file);
                    }
                    break;
                default:
                    if (Printf().Match(part) is { Success: true } write)
                    {
                        Files[write.Groups[2].Value] = write.Groups[1].Value + "\n";
                        break;
                    }
                    return new CommandResult(127, "", $"sh: 1: {words[0]}: not found", TimeSpan.Zero);
            }
        }
        return Ok(output);
    }

    private static CommandResult Ok(string output) => new(0, output, "", TimeSpan.Zero);

    [GeneratedRegex(@"^printf '%s\\n' '(.*)' > (\S+)$", RegexOptions.Singleline)]
    private static partial Regex Printf();
}
