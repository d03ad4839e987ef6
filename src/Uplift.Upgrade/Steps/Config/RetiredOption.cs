namespace Uplift.Upgrade.Steps.Config;

/// <summary>A configuration option a release removed (catalog config_changes.yaml), and what replaces it ("" when nothing).</summary>
/// <param name="StopsService">Why the new release's service does not start while it is set ("" when it only is ignored):
/// such an option still set fails pre-flight.</param>
public sealed record RetiredOption(string File, string Section, string Option, string ReplacedBy, string StopsService = "");
