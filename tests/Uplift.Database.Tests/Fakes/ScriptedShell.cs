using Uplift.Transports;

namespace Uplift.Tests.Fakes;

/// <summary>A shell that answers each command with the next scripted (exit code, stdout).</summary>
internal sealed class ScriptedShell(params (int Exit, string Output)[] answers) : IRemoteShell
{
    private readonly Queue<(int Exit, string Output)> _answers = new(answers);
    private readonly List<string> _scripts = [];
    private readonly SemaphoreSlim _ran = new(0);

    public string Node => "ctl1";

    public IReadOnlyList<string> Scripts => _scripts;

    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        _scripts.Add(command.Script);
        var (exit, output) = _answers.Dequeue();
        _ran.Release();
        return Task.FromResult(new CommandResult(exit, output, "", TimeSpan.FromSeconds(1)));
    }

    public async Task Ran(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _ran.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
