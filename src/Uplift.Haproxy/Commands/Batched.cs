namespace Uplift.Haproxy;

/// <summary>The result of one command of an <see cref="AdminBatch"/>, there once <see cref="HaproxyClient.SendAsync"/> returned.</summary>
public sealed class Batched<T> : IBatched where T : class
{
    private readonly AdminCommand<T> _command;
    private T? _value;

    internal Batched(AdminCommand<T> command) => _command = command;

    /// <summary>The command, exactly as sent.</summary>
    public string Text => _command.Text;

    public string? Backend => _command.Backend;

    public string? Server => _command.Server;

    /// <summary>The reply, checked and parsed as if the command had been sent alone.</summary>
    public T Value => _value ?? throw new InvalidOperationException($"'{Text}' has no reply yet: send its batch first");

    void IBatched.Check(string location, string reply) =>
        AdminReply.Check(location, Text, reply, _command.Backend, _command.Server, _command.IsAction);

    bool IBatched.Read(string location, string reply)
    {
        try
        {
            _value = _command.Read(location, reply);
            return _value is not null;
        }
        catch (FormatException problem)
        {
            throw new UnexpectedReplyException(location, Text, problem.Message, reply);
        }
    }
}
