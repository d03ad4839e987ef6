namespace Uplift.Tests;

/// <summary>The test classes that bring up a lab: one lab at a time on a machine (one account, the 127.0.10.x
/// addresses), so they run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabCollection
{
    public const string Name = "lab";
}
