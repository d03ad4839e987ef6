using System.Collections.Concurrent;
using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Fakes;

/// <summary>
/// An admin socket answering from a script of command → reply (or reply sequence); records each line it was sent (one
/// per connection). A line of several commands separated by ';' is answered as HAProxy does: each command's reply in turn.
/// </summary>
internal sealed class ScriptedAdminSocket : IAdminSocket
{
    private readonly Dictionary<string, Queue<string>> _replies = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Sent { get; } = new();

    public string Location => "/test/admin.sock";

    /// <summary>Answers <paramref name="command"/> with the replies in turn, the last one repeating.</summary>
    public ScriptedAdminSocket On(string command, params string[] replies)
    {
        _replies[command] = new Queue<string>(replies);
        return this;
    }

    public ScriptedAdminSocket OnFixture(string command, params string[] fixtures) =>
        On(command, fixtures.Select(f => Fixtures.ReadShared("haproxy/" + f)).ToArray());

    public Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(command);
        return Task.FromResult(string.Concat(command.Split(';').Select(Answer)));
    }

    private string Answer(string command)
    {
        if (!_replies.TryGetValue(command, out var queue))
        {
            throw new InvalidOperationException($"the test did not expect the command '{command}'");
        }
        return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
    }
}
