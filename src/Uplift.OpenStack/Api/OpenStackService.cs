namespace Uplift.OpenStack;

/// <summary>
/// A service Uplift calls: the name used in messages and the catalog types to look for, in order of preference
/// (service-types-authority: block-storage superseded volumev3).
/// </summary>
public sealed record OpenStackService(string Name, IReadOnlyList<string> CatalogTypes)
{
    public static OpenStackService Identity { get; } = new("keystone", ["identity"]);

    public static OpenStackService Compute { get; } = new("nova", ["compute"]);

    public static OpenStackService Network { get; } = new("neutron", ["network"]);

    public static OpenStackService BlockStorage { get; } = new("cinder", ["block-storage", "volumev3"]);

    public override string ToString() => Name;
}
