using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The previous release's online data migrations are all done (read-only).</summary>
/// <param name="MaxCount">The plan's --online-migration-batch, which the command carries as its --max-count.</param>
public sealed record CheckOnlineMigrationsStep(StepCommand Command, int? MaxCount = null) : IStepArguments<CheckOnlineMigrationsStep>
{
    public const string Name = "check-online-migrations";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Command.Pairs(), ("max-count", MaxCount is { } count ? StepArguments.Number(count) : null)]);

    public static CheckOnlineMigrationsStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(StepCommand.Read(step), arguments.Optional("max-count") is null ? null : arguments.Number("max-count", 0));
    }
}
