namespace Uplift.Planning;

/// <summary>
/// The reviewable artifact: every step of an upgrade, in dependency order, with what it was built from.
/// Built by the (pure) planner; saved as JSON by <see cref="PlanJson"/>.
/// </summary>
/// <param name="FormatVersion">Version of the JSON format (<see cref="PlanJson.FormatVersion"/>).</param>
/// <param name="Cluster">Cluster name from the inventory.</param>
/// <param name="Mode">upgrade (release to release) or update (minor, same release).</param>
/// <param name="Hops">Releases crossed, e.g. ["caracal→dalmatian"]; one entry per full upgrade.</param>
/// <param name="Classes">Concurrency limits per class.</param>
/// <param name="Steps">Steps in a topological order (every step after the ones it needs or follows).</param>
/// <param name="Inputs">What it was built from.</param>
/// <param name="InputsHash">sha256 of the inputs: names the plan in the journal.</param>
public sealed record Plan(
    int FormatVersion,
    string Cluster,
    string Mode,
    IReadOnlyList<PlanHop> Hops,
    IReadOnlyList<ConcurrencyClass> Classes,
    IReadOnlyList<PlanStep> Steps,
    PlanInputs Inputs,
    string InputsHash)
{
    /// <summary>The digest the plan's file carried (null for a plan just built): checked against <see cref="PlanJson.DigestOf"/>.</summary>
    public string? RecordedDigest { get; init; }

    /// <summary>The text the plan was read from (null for a plan just built): to name the line of a step in messages.</summary>
    public PlanFileText? File { get; init; }

    /// <summary>Where a member of the plan's file is, e.g. <c>$.steps[3]</c>: the file and its line when known.</summary>
    public Diagnostics.SourceLocation Locate(string source, string path) => new(source, File?.LineOf(path) ?? 0);

    public int LimitOf(string concurrencyClass) =>
        Classes.FirstOrDefault(c => c.Name == concurrencyClass)?.Limit ?? 1;
}
