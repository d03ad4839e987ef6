namespace Uplift.Catalog;

/// <summary>A config option the target release renames or removes; pre-flight reports it if set.</summary>
/// <param name="Release">Series in which the change lands.</param>
/// <param name="File">Config file on the nodes, e.g. /etc/nova/nova.conf.</param>
/// <param name="Section">INI section.</param>
/// <param name="Option">Option name.</param>
/// <param name="ReplacedBy">"section/option" that replaces it; null when removed.</param>
/// <param name="Note">Short explanation, with the upstream release-note reference.</param>
public sealed record ConfigChange(string Release, string File, string Section, string Option, string? ReplacedBy, string Note);
