using System.Text.Json;
using Uplift.Diagnostics;

namespace Uplift.Planning;

/// <summary>Builds a <see cref="Plan"/> from a parsed plan file, checking the format version and every step reference.</summary>
internal static class PlanReader
{
    public static Plan Read(JsonElement root, string source, PlanFileText? text = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("a plan file holds one JSON object", new SourceLocation(source, 1));
        }
        var plan = new JsonElementReader(root, source, "$", text);
        var version = plan.OptionalInt("format_version");
        if (version != PlanJson.FormatVersion)
        {
            throw new InputException($"plan format version {version} is not supported (this uplift reads version {PlanJson.FormatVersion})",
                plan.At("$.format_version"), "plan again with this version of uplift");
        }
        var steps = plan.Objects("steps").Select(ReadStep).ToArray();
        CheckReferences(steps, plan);
        var classes = plan.Objects("classes").Select(ReadClass).ToArray();
        CheckClasses(steps, classes, plan);
        return new Plan(
            version,
            plan.String("cluster"),
            plan.String("mode"),
            plan.Objects("hops").Select(h => new PlanHop(h.String("from"), h.String("to"))).ToArray(),
            classes,
            steps,
            PlanInputsJson.Read(plan.Object("inputs")),
            plan.String("inputs_hash"))
        {
            RecordedDigest = plan.OptionalString("digest"),
            File = text,
        };
    }

    private static ConcurrencyClass ReadClass(JsonElementReader c)
    {
        var limit = c.Int("limit");
        return limit >= 1 ? new ConcurrencyClass(c.String("name"), limit, c.String("about"), c.OptionalBool("per_node")) : throw c.Bad("limit", "at least 1");
    }

    /// <summary>Every step's class is declared with its limit: a class missing would silently run its steps one at a time.</summary>
    private static void CheckClasses(IReadOnlyList<PlanStep> steps, IReadOnlyList<ConcurrencyClass> classes, JsonElementReader plan)
    {
        var declared = classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var undeclared = steps.Select((s, i) => (Step: s, Index: i)).Where(x => !declared.Contains(x.Step.Class)).ToArray();
        if (undeclared.Length > 0)
        {
            throw new InputException(undeclared.DistinctBy(x => x.Step.Class).Take(20)
                .Select(x => new Diagnostic($"step '{x.Step.Id}' has class '{x.Step.Class}', which the plan's classes do not declare",
                    plan.At($"$.steps[{x.Index}].class")))
                .ToArray());
        }
    }

    private static PlanStep ReadStep(JsonElementReader step)
    {
        var kindName = step.String("kind");
        if (!StepKind.IsName(kindName))
        {
            throw step.Bad("kind", $"a step kind's name (lower-case words joined by '-'), not '{kindName}'");
        }
        var kind = new StepKind(kindName);
        return new PlanStep(
            step.String("id"),
            kind,
            step.String("phase"),
            step.OptionalString("service"),
            step.Strings("nodes"),
            step.Pairs("arguments"),
            step.String("class"),
            step.Strings("needs"),
            step.Strings("after"),
            step.OptionalInt("pause_after_seconds"),
            step.OptionalBool("always_run"),
            step.String("group"));
    }

    /// <summary>Every step may only refer to steps before it: this keeps the file a valid DAG in execution order.</summary>
    private static void CheckReferences(IReadOnlyList<PlanStep> steps, JsonElementReader plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            foreach (var reference in step.Needs.Concat(step.After).Where(r => !seen.Contains(r)))
            {
                problems.Add(new Diagnostic($"step '{step.Id}' refers to '{reference}', which is not an earlier step", plan.At($"$.steps[{index}]")));
            }
            if (!seen.Add(step.Id))
            {
                problems.Add(new Diagnostic($"step id '{step.Id}' appears twice", plan.At($"$.steps[{index}].id")));
            }
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems.Take(20).ToArray());
        }
    }
}
