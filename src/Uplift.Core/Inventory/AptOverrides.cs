namespace Uplift.Inventory;

/// <summary>
/// The cluster's own APT repository layout (inventory 'apt:'): each key given replaces the catalog's (catalog apt.yaml,
/// the common Debian layout of the OpenStack backports archive), for a mirror, another file name or a signing key.
/// </summary>
public sealed record AptOverrides(
    string? Format = null,
    string? SourcesFile = null,
    string? SourceLine = null,
    string? Uris = null,
    string? Suites = null,
    string? Components = null,
    string? SignedBy = null,
    IReadOnlyList<string>? Replaces = null)
{
    public bool IsEmpty => this == new AptOverrides();
}
