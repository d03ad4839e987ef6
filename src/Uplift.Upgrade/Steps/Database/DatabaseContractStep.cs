using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's contract phase (old columns dropped): only once no old code runs.</summary>
public sealed record DatabaseContractStep
{
    public const string Name = "database-contract";

    public static StepKind Kind { get; } = new(Name);
}
