using System.Globalization;
using Uplift.Nodes;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Steps.EndState;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// What a node must show at the end of an upgrade, and the differences it shows. Per service on the node
/// (<see cref="VerifyEndStateStep"/>): its code package on the target's major version, every unit running and started
/// after the last of the service's packages was installed (else it still runs the code it had before), each API unit
/// answering HTTP (any status under 500) on its own port, and an API whose version document tells releases apart
/// (catalog versions.yaml api) reporting the target's highest microversion. Pure.
/// </summary>
public static class EndStateCheck
{
    public static IReadOnlyList<string> Queries(PlanStep step)
    {
        var end = VerifyEndStateStep.Read(step);
        var packages = end.Services.SelectMany(s => s.Packages).Distinct().ToList();
        var units = end.Services.SelectMany(s => s.Units).Distinct().ToList();
        return [DpkgQuery.CommandWithInstallTime(packages), units.Count > 0 ? UnitSince.Command(units) : "true", ApiAnswers(end), VersionDocuments(end),
            ConfigLeftovers([.. end.Services.Select(s => s.Service)])];
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
    private static string ApiAnswers(VerifyEndStateStep end)
    {
        var ports = Apis(end).Select(a => a.Port).ToList();
        return ports.Count == 0 ? "true" : string.Join("; ", ports.Select(p =>
            $"curl -s -o /dev/null -w '%{{http_code}}\\n' --max-time 5 {Url(end, p)} || true"));
    }

    /// <summary>One line per API with a known microversion, in order: its version document (GET /) on one line.</summary>
    private static string VersionDocuments(VerifyEndStateStep end)
    {
        var asked = Microversions(end).ToList();
        return asked.Count == 0 ? "true" : string.Join("; ", asked.Select(m =>
            $"{{ curl -s --max-time 5 {Url(end, m.Port)} || true; }} | tr -d '\\n'; echo"));
    }

    private static string Url(VerifyEndStateStep end, int port)
    {
        var address = end.Address;
        return $"http://{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port.ToString(CultureInfo.InvariantCulture)}/";
    }

    /// <summary>The APIs whose version document is checked: unit, its port on the node, the target's microversion.</summary>
    private static IEnumerable<(string Unit, int Port, string Expected)> Microversions(VerifyEndStateStep end) =>
        end.Services.Where(s => s.Microversion is not null)
            .SelectMany(s => Apis(end).Where(a => a.Unit == s.Microversion!.Unit).Select(a => (a.Unit, a.Port, Expected: s.Microversion!.Version)));

    private static IEnumerable<ApiPort> Apis(VerifyEndStateStep end) => end.Services.SelectMany(s => s.Apis);

    /// <summary>Every way the node differs from the end state, one sentence each; empty when it matches.</summary>
    /// <exception cref="FormatException">dpkg-query or systemctl printed something they never print.</exception>
    public static IReadOnlyList<string> Differences(string node, PlanStep step, IReadOnlyList<CommandResult> results)
    {
        var end = VerifyEndStateStep.Read(step);
        var release = end.Release;
        var installed = DpkgQuery.Parse(results[0].ExitCode, results[0].StandardOutput, results[0].StandardError);
        var units = UnitSince.Parse(results[1].StandardOutput);
        var differences = new List<string>();
        foreach (var (service, package, major, packages, serviceUnits, _, _) in end.Services)
        {
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
            var lastInstall = packages.Select(p => installed.Find(p)?.Modified).Max();
            foreach (var unit in serviceUnits)
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
        foreach (var ((unit, port), i) in Apis(end).Select((api, i) => (api, i)))
        {
            var code = i < answers.Count && int.TryParse(answers[i], CultureInfo.InvariantCulture, out var c) ? c : 0;
            if (code is 0 or >= 500)
            {
                differences.Add($"{node}: {unit} does not answer on port {port} (HTTP {(code == 0 ? "none" : code.ToString(CultureInfo.InvariantCulture))})");
            }
        }
        differences.AddRange(MicroversionDifferences(node, end, results.Count > 3 ? results[3].StandardOutput : ""));
        return differences;
    }

    private static IEnumerable<string> MicroversionDifferences(string node, VerifyEndStateStep end, string output)
    {
        var release = end.Release;
        var documents = output.Split('\n');
        foreach (var ((unit, port, expected), i) in Microversions(end).Select((m, i) => (m, i)))
        {
            var document = i < documents.Length ? documents[i].Trim() : "";
            var reported = VersionDocument.MaxMicroversion(document);
            if (reported is null)
            {
                yield return $"{node}: {unit} answers no version document at {Url(end, port)} " +
                    $"({(document.Length == 0 ? "no answer" : $"it said: {Shorten(document)}")}), so its code cannot be told";
            }
            else if (reported.Value.ToString() != expected)
            {
                yield return $"{node}: {unit} reports microversion {reported} at {Url(end, port)}, not {release}'s {expected}: " +
                    "it serves other code; restart it (or reinstall its packages from the target repository)";
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

}
