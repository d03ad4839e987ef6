namespace Uplift.Planning;

/// <summary>What a plan was built from; `run` refuses a plan whose inputs changed since.</summary>
public sealed record PlanInputs(
    string InventoryFile,
    string InventoryHash,
    string CatalogVersion,
    string CatalogHash,
    string ToolVersion,
    string From,
    string To,
    PlanOptions Options);
