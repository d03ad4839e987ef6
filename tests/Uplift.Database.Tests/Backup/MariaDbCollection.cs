namespace Uplift.Tests.Backup;

/// <summary>Tests that share the private MariaDB of <see cref="MariaDbFixture"/> (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<MariaDbFixture>
{
    public const string Name = "MariaDB";
}
