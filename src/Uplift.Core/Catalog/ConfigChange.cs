namespace Uplift.Catalog;

/// <summary>A config option the target release renames or removes; pre-flight reports it if set.</summary>
/// <param name="Release">Series in which the change lands.</param>
/// <param name="File">Config file on the nodes, e.g. /etc/nova/nova.conf.</param>
/// <param name="Section">INI section.</param>
/// <param name="Option">Option name.</param>
/// <param name="ReplacedBy">"section/option" that replaces it; null when removed.</param>
/// <param name="Note">Short explanation, with the upstream release-note reference.</param>
public sealed record ConfigChange(string Release, string File, string Section, string Option, string? ReplacedBy, string Note)
{
    /// <summary>The new release's service does not start while the option is set (catalog <c>stops-service: true</c>):
    /// pre-flight refuses the upgrade instead of reporting it.</summary>
    public bool StopsService { get; init; }

    /// <summary>The unit that reads the file (catalog <c>unit</c>): only nodes running it are checked; null for every node
    /// of the file's service.</summary>
    public string? Unit { get; init; }
}
