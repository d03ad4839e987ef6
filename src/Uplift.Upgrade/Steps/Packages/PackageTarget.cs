using System.Globalization;
using Uplift.Catalog;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>
/// Packages to bring to a release: the packages, the release they come from, and the upstream major each service's code
/// package must have once installed (catalog versions.yaml), which guards and checks read: a package at its candidate is
/// not done when the candidate is another release's. Install, downgrade and stop steps carry it.
/// </summary>
public sealed record PackageTarget(IReadOnlyList<string> Packages, string? Release, IReadOnlyDictionary<string, int> Code)
{
    public static PackageTarget For(IEnumerable<string> packages, Release release, OpenStackCatalog catalog)
    {
        var list = packages.ToList();
        var code = catalog.CodeVersions
            .Where(c => list.Contains(c.Package) && c.Majors.ContainsKey(release.Series))
            .ToDictionary(c => c.Package, c => c.Majors[release.Series], StringComparer.Ordinal);
        return new(list, release.Series, code);
    }

    internal (string Key, string? Value)[] Pairs() =>
        [("packages", StepArguments.Words(Packages)), ("release", Release),
         ("code", Code.Count > 0 ? StepArguments.Words(Code.Select(c => $"{c.Key}={StepArguments.Number(c.Value)}")) : null)];

    /// <summary>The step's target; null when it carries no "packages" (a stop step without them).</summary>
    internal static PackageTarget? ReadOptional(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return arguments.Optional("packages") is { Length: > 0 } ? Read(step) : null;
    }

    internal static PackageTarget Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.ListedWords("packages"), arguments.Optional("release"), CodeOf(arguments.Optional("code")));
    }

    /// <summary>"python3-nova=32 …" as package → major.</summary>
    private static Dictionary<string, int> CodeOf(string? argument) =>
        (argument ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Where(p => p.Length == 2 && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => int.Parse(p[1], NumberStyles.None, CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
