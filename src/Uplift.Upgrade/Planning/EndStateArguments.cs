namespace Uplift.Upgrade.Planning;

/// <summary>
/// The arguments of a verify-end-state step, per service on the node: "code:SVC" = "PACKAGE MAJOR" (the code package
/// and the target's major, -1 when the catalog has none), "packages:SVC" and "units:SVC" (space-separated), and
/// "apis:SVC": "UNIT=PORT …" for its API units on the node, asked on the node's "address", and "microversion:SVC":
/// "UNIT=2.100" when the catalog knows the highest microversion the target's API reports (versions.yaml api).
/// Written by the planner, read by the end-state check.
/// </summary>
public static class EndStateArguments
{
    public const string Code = "code:";
    public const string Packages = "packages:";
    public const string Units = "units:";
    public const string Apis = "apis:";
    public const string Microversion = "microversion:";
}
