namespace Uplift.Haproxy;

/// <summary>HAProxy has no backend of that name ("No such backend.", "Can't find backend.", "No such proxy.").</summary>
public sealed class UnknownBackendException(string location, string command, string haproxyText, string backend,
    IReadOnlyList<string>? knownBackends = null)
    : HaproxyException($"HAProxy has no backend '{backend}'", location, command, haproxyText, backend,
        hint: knownBackends is null ? "see 'uplift haproxy list-backends'" : "its backends are: " + Names.List(knownBackends))
{
    /// <summary>Every backend HAProxy has, when it was asked; null otherwise.</summary>
    public IReadOnlyList<string>? KnownBackends { get; } = knownBackends;
}
