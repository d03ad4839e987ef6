using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>
/// Runs the step's "command" on each node and reads its exit code through "exit-codes" (default: 0 done, else failure):
/// DB schema steps, online data migrations, upgrade checks, status checks. "again" runs the command again (online
/// migrations with a max count make progress each time) up to <see cref="MaxRounds"/> rounds; "warning" succeeds with a
/// note; everything else fails the step with the command's last output line.
/// </summary>
public sealed class CommandStepHandler : NodeStepHandler
{
    public const int MaxRounds = 1000;

    public override IReadOnlyList<string> Describe(PlanStep step) => [StepCommand.Read(step).Command];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var (command, codes) = StepCommand.Read(context.Step);
        for (var round = 1; ; round++)
        {
            var result = await context.RunAsync(node, command).ConfigureAwait(false);
            var meaning = codes?.Meaning(result.ExitCode) ?? (result.ExitCode == 0 ? ExitMeaning.Done : ExitMeaning.Failure);
            switch (meaning)
            {
                case ExitMeaning.Done:
                    return;
                case ExitMeaning.Warning:
                    context.Report($"{node}: '{command}' exited {result.ExitCode} (warning): {Last(result.StandardOutput)}");
                    return;
                case ExitMeaning.Again when round < MaxRounds:
                    continue;
                default:
                    var what = meaning switch
                    {
                        ExitMeaning.Again => $"still reports work left after {MaxRounds} rounds",
                        ExitMeaning.ExpandNeeded => "says the schema expand is still needed",
                        ExitMeaning.ContractNeeded => "says the schema contract is still needed",
                        ExitMeaning.BadInput => "was called wrongly (bad input)",
                        _ => "failed",
                    };
                    throw new StepFailedException(
                        $"on {node}: '{command}' {what} (exit {result.ExitCode}): {Last(result.StandardError + "\n" + result.StandardOutput)}", result);
            }
        }
    }

    private static string Last(string text) =>
        text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "(no output)";
}
