using Uplift.Transports;

namespace Uplift.Tests.Backup;

/// <summary>Wraps a shell and keeps every command and result, so tests can look for secrets in all of it.</summary>
public sealed class RecordingShell(IRemoteShell inner) : IRemoteShell
{
    private readonly List<string> _seen = [];

    public string Node => inner.Node;

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        var result = await inner.RunAsync(command, cancellationToken);
        lock (_seen)
        {
            _seen.AddRange([command.Script, command.StandardInput ?? "", result.StandardOutput, result.StandardError]);
        }
        return result;
    }
}
