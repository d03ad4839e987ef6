namespace Uplift.OpenStack;

/// <summary>One page of a server list; <see cref="NextMarker"/> is set when nova says more follow.</summary>
public sealed record ServerPage(IReadOnlyList<Server> Servers, string? NextMarker);
