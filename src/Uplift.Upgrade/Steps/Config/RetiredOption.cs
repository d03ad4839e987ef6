namespace Uplift.Upgrade.Steps.Config;

/// <summary>A configuration option a release removed (catalog config_changes.yaml), and what replaces it ("" when nothing).</summary>
public sealed record RetiredOption(string File, string Section, string Option, string ReplacedBy);
