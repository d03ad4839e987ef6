using System.Globalization;
using System.Text.RegularExpressions;
using Uplift.Catalog;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>A command a service's catalog names for a step (schema phases, checks, online migrations) and what its exit
/// codes mean (<see cref="ExitCodeTable"/>: "0=done,1=again,2=failure"; without a table, 0 is done and the rest fail).</summary>
public sealed partial record StepCommand(string Command, ExitCodes? ExitCodes)
{
    public static StepCommand Of(CatalogCommand command) => new(command.Command, command.ExitCodes);

    /// <summary>
    /// The command with the plan's batch as its --max-count (nova-manage, placement-manage) or --max_count (cinder-manage):
    /// the catalog's number is its default. A command without either is left as the catalog wrote it.
    /// </summary>
    public StepCommand WithMaxCount(int batch) =>
        this with { Command = MaxCount().Replace(Command, m => m.Groups[1].Value + batch.ToString(CultureInfo.InvariantCulture)) };

    [GeneratedRegex(@"(--max[-_]count[ =])\d+")]
    private static partial Regex MaxCount();

    internal (string Key, string? Value)[] Pairs() => [("command", Command), ("exit-codes", ExitCodeTable.Text(ExitCodes))];

    internal static StepCommand Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        try
        {
            return new(arguments.Required("command"), ExitCodeTable.Parse(arguments.Optional("exit-codes")));
        }
        catch (FormatException bad)
        {
            throw new PlanStepException($"step {step.Id} ({step.Kind}): {bad.Message}: the plan is wrong, re-plan");
        }
    }
}
