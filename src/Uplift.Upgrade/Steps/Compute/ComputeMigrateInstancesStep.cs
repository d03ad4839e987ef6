using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Live-migrates every instance off a compute.</summary>
/// <param name="BlockMigration">"auto", "true" or "false", as the live-migration API takes it.</param>
public sealed record ComputeMigrateInstancesStep(ComputeService Service, string BlockMigration = ComputeMigrateInstancesStep.Auto) : IStepArguments<ComputeMigrateInstancesStep>
{
    public const string Name = "compute-migrate-instances";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Service.Pairs(), ("block-migration", BlockMigration)]);

    public static ComputeMigrateInstancesStep Read(PlanStep step) => new(ComputeService.Read(step), new StepArguments(step).Optional("block-migration") ?? Auto);

    /// <summary>Block migration as nova decides (API microversion 2.25+).</summary>
    public const string Auto = "auto";
}
