namespace Uplift.Lab;

/// <summary>
/// The lab's package version scheme: every package of release index i (zed = 0) is "{26+i}.0.0-1",
/// so nova is 31.0.0-1 on epoxy and 32.0.0-1 on flamingo, as upstream nova's own numbers go.
/// Versions only need to order correctly (Debian version order) and say which release a node runs.
/// </summary>
public static class LabVersions
{
    public static string Of(int releaseIndex) => $"{26 + releaseIndex}.0.0-1";
}
