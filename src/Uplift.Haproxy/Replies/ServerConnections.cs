namespace Uplift.Haproxy;

/// <summary>One line of <c>show servers conn</c>: the idle and in-use connections HAProxy keeps to a server.</summary>
/// <param name="UsedCurrent">used_cur: connections in use now.</param>
/// <param name="IdleCurrent">idle_cur: idle connections kept for reuse.</param>
public sealed record ServerConnections(
    string Backend,
    string Server,
    string Address,
    int? Port,
    long? UsedCurrent,
    long? IdleCurrent,
    IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}
