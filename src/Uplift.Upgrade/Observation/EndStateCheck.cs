using System.Globalization;
using Uplift.Nodes;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// What a node must show at the end of an upgrade, and the differences it shows. Per service on the node
/// (<see cref="EndStateArguments"/>): its code package on the target's major version, every unit running and started
/// after the last of the service's packages was installed (else it still runs the code it had before), each API unit
/// answering HTTP (any status under 500) on its own port, and an API whose version document tells releases apart
/// (catalog versions.yaml api) reporting the target's highest microversion. Pure.
/// </summary>
public static class EndStateCheck
{
    public static IReadOnlyList<string> Services(PlanStep step) =>
        step.Arguments.Where(a => a.Key.StartsWith(EndStateArguments.Code, StringComparison.Ordinal)).Select(a => a.Key[EndStateArguments.Code.Length..]).ToList();

    public static IReadOnlyList<string> Queries(PlanStep step)
    {
        var services = Services(step);
        var packages = services.SelectMany(s => Words(step, EndStateArguments.Packages + s)).Distinct().ToList();
        var units = services.SelectMany(s => Words(step, EndStateArguments.Units + s)).Distinct().ToList();
        return [DpkgQuery.CommandWithInstallTime(packages), units.Count > 0 ? UnitSince.Command(units) : "true", ApiAnswers(step), VersionDocuments(step),
            ConfigLeftovers(services)];
    }

    /// <summary>The new default configuration files a package left beside the ones in use (dpkg and ucf keep the
    /// operator's file and write the maintainer's version next to it), in the services' /etc directories.</summary>
    private static string ConfigLeftovers(IReadOnlyList<string> services) => services.Count == 0 ? "true"
        : $"find {string.Join(' ', services.Select(s => $"/etc/{s}"))} \\( -name '*.dpkg-dist' -o -name '*.dpkg-new' -o -name '*.ucf-dist' -o -name '*.ucf-new' \\) -print 2>/dev/null; true";

    /// <summary>What <see cref="ConfigLeftovers"/> found, sorted; a note for the operator, not a difference.</summary>
    public static IReadOnlyList<string> Leftovers(IReadOnlyList<CommandResult> results) =>
        results.Count > 4
            ? [.. results[4].StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>One HTTP status code per API unit, in order (000: no answer), asked from the node on its address.</summary>
    private static string ApiAnswers(PlanStep step)
    {
        var ports = Apis(step).Select(a => a.Port).ToList();
        return ports.Count == 0 ? "true" : string.Join("; ", ports.Select(p =>
            $"curl -s -o /dev/null -w '%{{http_code}}\\n' --max-time 5 {Url(step, p)} || true"));
    }

    /// <summary>One line per API with a known microversion, in order: its version document (GET /) on one line.</summary>
    private static string VersionDocuments(PlanStep step)
    {
        var asked = Microversions(step).ToList();
        return asked.Count == 0 ? "true" : string.Join("; ", asked.Select(m =>
            $"{{ curl -s --max-time 5 {Url(step, m.Port)} || true; }} | tr -d '\\n'; echo"));
    }

    private static string Url(PlanStep step, string port)
    {
        var address = step.Argument("address") ?? "127.0.0.1";
        return $"http://{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}/";
    }

    /// <summary>The APIs whose version document is checked: unit, its port on the node, the target's microversion.</summary>
    private static IEnumerable<(string Unit, string Port, string Expected)> Microversions(PlanStep step) =>
        Services(step).SelectMany(s => Words(step, EndStateArguments.Microversion + s))
            .Select(w => w.Split('='))
            .Where(w => w.Length == 2)
            .SelectMany(w => Apis(step).Where(a => a.Unit == w[0]).Select(a => (a.Unit, a.Port, Expected: w[1])));

    private static IEnumerable<(string Unit, string Port)> Apis(PlanStep step) =>
        Services(step).SelectMany(s => Words(step, EndStateArguments.Apis + s)).Select(a => a.Split('=')).Where(a => a.Length == 2).Select(a => (a[0], a[1]));

    /// <summary>Every way the node differs from the end state, one sentence each; empty when it matches.</summary>
    /// <exception cref="FormatException">dpkg-query or systemctl printed something they never print.</exception>
    public static IReadOnlyList<string> Differences(string node, PlanStep step, IReadOnlyList<CommandResult> results)
    {
        var release = step.Argument("release") ?? "the target release";
        var installed = DpkgQuery.Parse(results[0].ExitCode, results[0].StandardOutput, results[0].StandardError);
        var units = UnitSince.Parse(results[1].StandardOutput);
        var differences = new List<string>();
        foreach (var service in Services(step))
        {
            var code = Words(step, EndStateArguments.Code + service);
            var (package, major) = (code[0], int.Parse(code[1], CultureInfo.InvariantCulture));
            if (major < 0)
            {
                differences.Add($"{node}: the catalog has no {service} version for {release}, so its code cannot be verified; add it to versions.yaml (a catalog overlay's code-versions)");
                continue;
            }
            var found = installed.Find(package);
            if (found is not { IsInstalled: true })
            {
                differences.Add($"{node}: {package} is not installed ({service} should run {release}, {major}.x)");
                continue;
            }
            if (Catalog.CodeVersions.UpstreamMajor(found.Version) != major)
            {
                differences.Add($"{node}: {package} {found.Version} is not {release}'s {major}.x: {service} still runs other code; reinstall it from the {release} repository");
            }
            var lastInstall = Words(step, EndStateArguments.Packages + service).Select(p => installed.Find(p)?.Modified).Max();
            foreach (var unit in Words(step, EndStateArguments.Units + service))
            {
                if (!units.TryGetValue(unit, out var state) || state.Active != "active")
                {
                    differences.Add($"{node}: {unit} is {(units.TryGetValue(unit, out var s) ? s.Active : "unknown")}, not running");
                }
                else if (lastInstall is { } at && state.Since is { } since && since < DateTimeOffset.FromUnixTimeSeconds(at))
                {
                    differences.Add($"{node}: {unit} runs since {since:yyyy-MM-dd HH:mm:ss}Z, before {service}'s packages were installed at " +
                        $"{DateTimeOffset.FromUnixTimeSeconds(at):yyyy-MM-dd HH:mm:ss}Z: it runs the old code; restart it");
                }
            }
        }
        var answers = results[2].StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        foreach (var ((unit, port), i) in Apis(step).Select((api, i) => (api, i)))
        {
            var code = i < answers.Count && int.TryParse(answers[i], CultureInfo.InvariantCulture, out var c) ? c : 0;
            if (code is 0 or >= 500)
            {
                differences.Add($"{node}: {unit} does not answer on port {port} (HTTP {(code == 0 ? "none" : code.ToString(CultureInfo.InvariantCulture))})");
            }
        }
        differences.AddRange(MicroversionDifferences(node, step, results.Count > 3 ? results[3].StandardOutput : ""));
        return differences;
    }

    private static IEnumerable<string> MicroversionDifferences(string node, PlanStep step, string output)
    {
        var release = step.Argument("release") ?? "the target release";
        var documents = output.Split('\n');
        foreach (var ((unit, port, expected), i) in Microversions(step).Select((m, i) => (m, i)))
        {
            var document = i < documents.Length ? documents[i].Trim() : "";
            var reported = VersionDocument.MaxMicroversion(document);
            if (reported is null)
            {
                yield return $"{node}: {unit} answers no version document at {Url(step, port)} " +
                    $"({(document.Length == 0 ? "no answer" : $"it said: {Shorten(document)}")}), so its code cannot be told";
            }
            else if (reported.Value.ToString() != expected)
            {
                yield return $"{node}: {unit} reports microversion {reported} at {Url(step, port)}, not {release}'s {expected}: " +
                    "it serves other code; restart it (or reinstall its packages from the target repository)";
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string[] Words(PlanStep step, string key) =>
        (step.Argument(key) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
