namespace Uplift.Haproxy;

/// <summary>
/// Commands sent in one connection to the admin socket (on a node: one SSH command instead of one per command). They go on
/// one line, separated by ';', which HAProxy's non-interactive mode runs in turn (haproxy doc/management.txt §9.3 "Unix
/// Socket commands"); <see cref="BatchReply"/> splits the replies. A refused command does not stop the next ones, so a
/// batch holds only commands that may run whatever the previous ones answered (an action and the reads that check it).
/// Each reply is checked and parsed as if its command had been sent alone: <see cref="HaproxyClient.SendAsync"/> throws
/// the first error in command order, with the same typed errors and exact-name matching.
/// </summary>
public sealed class AdminBatch
{
    private readonly List<IBatched> _commands = [];

    /// <summary>The commands, in the order HAProxy runs them.</summary>
    public IReadOnlyList<string> Commands => [.. _commands.Select(c => c.Text)];

    internal IReadOnlyList<IBatched> Items => _commands;

    /// <summary>show servers state BE: the servers of one backend, in configuration order.</summary>
    public Batched<IReadOnlyList<ServerState>> ListServers(string backend) => Add(AdminCommands.Servers(backend));

    /// <summary>show servers state BE, for one server found by exact name.</summary>
    public Batched<ServerState> GetServer(string backend, string server) => Add(AdminCommands.Server(backend, server));

    /// <summary>show stat BE 4 -1, for one server found by exact name.</summary>
    public Batched<StatRow> GetServerStat(string backend, string server) => Add(AdminCommands.ServerStat(backend, server));

    /// <summary>set server BE/SRV state ready|drain|maint; its value is HAProxy's reply (empty when it was done).</summary>
    public Batched<string> SetState(string backend, string server, ServerMode mode) => Add(AdminCommands.SetState(backend, server, mode));

    internal Batched<T> Add<T>(AdminCommand<T> command) where T : class
    {
        var batched = new Batched<T>(command);
        _commands.Add(batched);
        return batched;
    }
}
