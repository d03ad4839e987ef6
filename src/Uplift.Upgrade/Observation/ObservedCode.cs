namespace Uplift.Upgrade.Observation;

/// <summary>The code of one service on one node, as dpkg says it is installed.</summary>
/// <param name="Package">The package whose version names the release (catalog versions.yaml).</param>
/// <param name="Version">Its installed version; null when it is not installed.</param>
/// <param name="Series">The release whose major version it has; null when not installed or when no release has it.</param>
public sealed record ObservedCode(string Service, string Package, string? Version, string? Series)
{
    public bool IsInstalled => Version is not null;

    public override string ToString() => $"{Service} {Version ?? "not installed"}";
}
