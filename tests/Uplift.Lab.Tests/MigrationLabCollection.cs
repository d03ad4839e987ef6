namespace Uplift.Tests;

/// <summary>The test classes that share the two-compute lab with instances.</summary>
[CollectionDefinition("migration-lab")]
public sealed class MigrationLabCollection : ICollectionFixture<MigrationLabFixture>;
