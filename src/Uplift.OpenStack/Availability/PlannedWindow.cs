namespace Uplift.OpenStack;

/// <summary>A time the plan said one API would not answer (neutron's offline contract): failures of that frontend
/// sent inside it are counted apart, as planned, not hidden and not counted as downtime Uplift caused by mistake.</summary>
/// <param name="Frontend">The probe target's name, e.g. "network" (a catalog type) or "neutron" (a lab backend).</param>
/// <param name="Why">What the plan said, e.g. "neutron offline contract".</param>
public sealed record PlannedWindow(string Frontend, DateTimeOffset From, DateTimeOffset To, string Why)
{
    public bool Covers(string frontend, DateTimeOffset sent) => frontend == Frontend && sent >= From && sent <= To;
}
