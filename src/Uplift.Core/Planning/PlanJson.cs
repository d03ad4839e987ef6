namespace Uplift.Planning;

/// <summary>The plan's JSON file format (written and read in this one place). (Implementation in progress.)</summary>
public static class PlanJson
{
    /// <summary>Bumped on any incompatible change of the format; older files are refused with a clear message.</summary>
    public const int FormatVersion = 1;
}
