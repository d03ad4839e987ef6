using System.Collections.Concurrent;
using Uplift.Transports;

namespace Uplift.Tests.Fakes;

/// <summary>A real shell that also records what each command it runs gets on stdin: one entry per SSH command.</summary>
internal sealed class CountingShell(IRemoteShell inner, ConcurrentQueue<string> ran) : IRemoteShell
{
    public string Node => inner.Node;

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ran.Enqueue(command.StandardInput ?? "");
        return inner.RunAsync(command, cancellationToken);
    }
}
