namespace Uplift.Tests.Integration;

/// <summary>
/// One <see cref="HaproxyLab"/> for every class that drives the real HAProxy: its addresses and ports are fixed,
/// so two labs (one per class, run in parallel) would collide. Classes in the collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HaproxyLabCollection : ICollectionFixture<HaproxyLab>
{
    public const string Name = "real haproxy";
}
