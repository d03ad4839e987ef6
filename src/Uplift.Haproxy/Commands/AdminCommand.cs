namespace Uplift.Haproxy;

/// <summary>
/// One runtime API command and how its reply is read: HAProxy's error texts first (<see cref="AdminReply.Check"/>, with
/// the backend and server the command is about), then <see cref="Read"/>, a pure function of the socket's location and
/// the reply. Read answers null when the server sought is not in a listing: the client then lets HAProxy judge the name.
/// </summary>
internal sealed record AdminCommand<T>(string Text, string? Backend, string? Server, bool IsAction, Func<string, string, T?> Read)
    where T : class
{
    /// <summary>The same command, its result passed on through <paramref name="next"/>.</summary>
    public AdminCommand<TOut> Then<TOut>(Func<T, TOut?> next) where TOut : class =>
        new(Text, Backend, Server, IsAction, (location, reply) => Read(location, reply) is { } value ? next(value) : null);
}
