using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Tests.Compute;

/// <summary>A step context for API handlers: the step of the plan's compute dance on one host; no shell is ever needed.</summary>
internal static class ComputeStep
{
    public static StepContext On(string host, StepKind kind, TimeProvider time, params (string Key, string Value)[] arguments)
    {
        var args = new List<KeyValuePair<string, string>> { new("host", host), new("binary", "nova-compute") };
        args.AddRange(arguments.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)));
        return Cluster(new PlanStep($"computes/{host}/{kind}", kind, "computes", "nova", [host], args, "computes", [], [], 0, false, "g"), time);
    }

    public static StepContext Cluster(StepKind kind, TimeProvider time, params (string Key, string Value)[] arguments) =>
        Cluster(new PlanStep($"check/{kind}", kind, "finalize", null, [],
            arguments.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)).ToList(), "cluster", [], [], 0, false, "g"), time);

    private static StepContext Cluster(PlanStep step, TimeProvider time) =>
        new(step, node => throw new InvalidOperationException($"an API handler asked for a shell on {node}"), time, _ => { }, CancellationToken.None);
}
