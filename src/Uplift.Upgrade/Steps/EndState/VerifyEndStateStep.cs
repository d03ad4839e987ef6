using System.Globalization;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.EndState;

/// <summary>What the node runs now is the target release: packages, units, APIs (read-only, looked at again on
/// every run).</summary>
/// <param name="Address">The node's own address, where its API units are asked.</param>
/// <param name="Services">Each service on the node with code the catalog can tell apart, in the plan's order.</param>
public sealed record VerifyEndStateStep(string Release, string Address, IReadOnlyList<ServiceEndState> Services) : IStepArguments<VerifyEndStateStep>
{
    public const string Name = "verify-end-state";

    // Per service, the key is the prefix and the service's name ("code:nova").
    public const string CodeKey = "code:";
    public const string PackagesKey = "packages:";
    public const string UnitsKey = "units:";
    public const string ApisKey = "apis:";
    public const string MicroversionKey = "microversion:";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs([("release", Release), ("address", Address), .. Services.SelectMany(Pairs)]);

    private static (string Key, string? Value)[] Pairs(ServiceEndState s) =>
    [
        (CodeKey + s.Service, $"{s.CodePackage} {StepArguments.Number(s.Major)}"),
        (PackagesKey + s.Service, StepArguments.Words(s.Packages)),
        (UnitsKey + s.Service, StepArguments.Words(s.Units)),
        (ApisKey + s.Service, s.Apis.Count > 0 ? StepArguments.Words(s.Apis.Select(a => $"{a.Unit}={StepArguments.Number(a.Port)}")) : null),
        (MicroversionKey + s.Service, s.Microversion is { } m ? $"{m.Unit}={m.Version}" : null),
    ];

    public static VerifyEndStateStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        var services = step.Arguments.Where(a => a.Key.StartsWith(CodeKey, StringComparison.Ordinal)).Select(a => Service(step, a.Key[CodeKey.Length..], a.Value));
        return new(arguments.Optional("release") ?? "the target release", arguments.Optional("address") ?? "127.0.0.1", [.. services]);
    }

    private static ServiceEndState Service(PlanStep step, string service, string code)
    {
        var arguments = new StepArguments(step);
        var words = code.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var major))
        {
            throw new PlanStepException($"step {step.Id} ({step.Kind}): {CodeKey}{service} '{code}' is not 'PACKAGE MAJOR': the plan is wrong, re-plan");
        }
        var apis = arguments.Words(ApisKey + service).Select(a => a.Split('='))
            .Where(a => a.Length == 2 && int.TryParse(a[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(a => new ApiPort(a[0], int.Parse(a[1], NumberStyles.None, CultureInfo.InvariantCulture)));
        var microversion = arguments.Optional(MicroversionKey + service)?.Split('=') is [var unit, var version] ? new ApiMicroversion(unit, version) : null;
        return new(service, words[0], major, arguments.Words(PackagesKey + service), arguments.Words(UnitsKey + service), [.. apis], microversion);
    }
}

/// <summary>A service's end state on a node.</summary>
/// <param name="CodePackage">The package whose upstream major tells its code's release.</param>
/// <param name="Major">The target's major of that package; -1 when the catalog has none (the check says so rather than pass).</param>
/// <param name="Apis">Its API units on the node and their ports.</param>
/// <param name="Microversion">The highest microversion its API reports on the target, when its version document tells releases apart.</param>
public sealed record ServiceEndState(
    string Service, string CodePackage, int Major, IReadOnlyList<string> Packages, IReadOnlyList<string> Units,
    IReadOnlyList<ApiPort> Apis, ApiMicroversion? Microversion);

public sealed record ApiPort(string Unit, int Port);

public sealed record ApiMicroversion(string Unit, string Version);
