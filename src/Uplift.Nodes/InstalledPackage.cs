namespace Uplift.Nodes;

/// <summary>One line of <c>dpkg-query -W</c>: a package dpkg knows, with its version and status.</summary>
/// <param name="Status">${db:Status-Abbrev}: desired action, package status, error flag (e.g. "ii ").</param>
/// <param name="Modified">${db-fsys:Last-Modified} when asked (dpkg ≥ 1.19.3): when its files were last written,
/// i.e. installed or upgraded, in Unix seconds; null when not asked or empty.</param>
public sealed record InstalledPackage(string Name, string Version, string Status, long? Modified = null)
{
    /// <summary>The package's files are on the node (status letter 'i'); "rc" (removed, config left) is not installed.</summary>
    public bool IsInstalled => Status.Length >= 2 && Status[1] == 'i' && Version.Length > 0;
}
