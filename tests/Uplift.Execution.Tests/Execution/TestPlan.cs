using Uplift.Planning;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Execution;

/// <summary>Builds small plans by hand for executor tests.</summary>
internal sealed class TestPlan
{
    private readonly List<PlanStep> _steps = [];
    private readonly List<ConcurrencyClass> _classes = [];

    public TestPlan Class(string name, int limit)
    {
        _classes.Add(new ConcurrencyClass(name, limit, name));
        return this;
    }

    public TestPlan Step(
        string id,
        StepKind? kind = null,
        string[]? needs = null,
        string[]? after = null,
        string cls = "default",
        string? node = null,
        bool alwaysRun = false,
        int pause = 0,
        string group = "g",
        string phase = "control-plane",
        string? service = null,
        params (string Key, string Value)[] arguments)
    {
        _steps.Add(new PlanStep(id, kind ?? UnitsRestartStep.Kind, phase, service, node is null ? [] : [node],
            arguments.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)).ToList(),
            cls, needs ?? [], after ?? [], pause, alwaysRun, group));
        return this;
    }

    public Plan Build(string hash = "plan-hash-1") =>
        new(PlanJson.FormatVersion, "lab", "upgrade", [new PlanHop("caracal", "dalmatian")], _classes, _steps,
            new PlanInputs("inventory.yaml", "inv", "1", "cat", "0.1.0", "caracal", "dalmatian", new PlanOptions()), hash);
}
