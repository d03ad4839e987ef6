namespace Uplift.Tests;

/// <summary>The test classes that share one running lab.</summary>
[CollectionDefinition("lab")]
public sealed class LabCollection : ICollectionFixture<LabFixture>;
