namespace Uplift.Haproxy;

/// <summary>The backend exists but has no server of that exact name ("No such server.").</summary>
public sealed class UnknownServerException(string location, string command, string haproxyText, string backend, string server,
    IReadOnlyList<string>? knownServers = null)
    : HaproxyException($"backend '{backend}' has no server '{server}'", location, command, haproxyText, backend, server,
        knownServers is null ? $"see 'uplift haproxy list-servers -b {backend}'" : "its servers are: " + Names.List(knownServers))
{
    /// <summary>Every server of the backend, when HAProxy was asked; null otherwise.</summary>
    public IReadOnlyList<string>? KnownServers { get; } = knownServers;
}
