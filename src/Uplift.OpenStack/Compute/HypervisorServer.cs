namespace Uplift.OpenStack;

/// <summary>An instance as os-hypervisors lists it: its UUID and name only.</summary>
public sealed record HypervisorServer(string Uuid, string? Name);
