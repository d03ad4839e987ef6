namespace Uplift.Execution.Progress;

/// <summary>
/// The progress model: folds the executor's events into counts, the current phase and the running steps per node.
/// Rendering is elsewhere (<see cref="ProgressTable"/>, <see cref="PlainProgressWriter"/>).
/// </summary>
public sealed class RunProgress(TimeProvider time) : IRunObserver
{
    private const int MessagesKept = 5;
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Node, DateTimeOffset Started)> _running = [];
    private readonly Queue<string> _messages = new();
    private DateTimeOffset? _started;
    private DateTimeOffset? _firstAction;
    private string _phase = "";
    private int _total, _done, _already, _failed, _skipped, _before, _acted;
    private string? _lastFailure;

    public void On(RunEvent runEvent)
    {
        lock (_gate)
        {
            switch (runEvent.Kind)
            {
                case "run-started":
                    _started = runEvent.Time;
                    _total = runEvent.Total ?? 0;
                    _before = int.TryParse(runEvent.State, out var before) ? before : 0;
                    break;
                case "step-started":
                    _firstAction ??= runEvent.Time;
                    _phase = runEvent.Phase ?? _phase;
                    _running[runEvent.StepId!] = (runEvent.Nodes is [var node, ..] ? node : "", runEvent.Time);
                    break;
                case "step-ended":
                    _running.Remove(runEvent.StepId!);
                    _acted++;
                    Count(runEvent);
                    break;
                case "message" or "run-stopping":
                    _messages.Enqueue(runEvent.StepId is null ? runEvent.Message ?? "" : $"{runEvent.StepId}: {runEvent.Message}");
                    while (_messages.Count > MessagesKept)
                    {
                        _messages.Dequeue();
                    }
                    break;
            }
        }
    }

    public ProgressSnapshot Snapshot()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var left = _total - _before - _done - _already - _failed - _skipped;
            TimeSpan? eta = _acted > 0 && _firstAction is { } first ? (now - first) / _acted * Math.Max(left, 0) : null;
            return new ProgressSnapshot(_phase, _total, _done + _before, _already, _failed, _skipped,
                _running.Select(r => (r.Value.Node, r.Key, r.Value.Started)).OrderBy(r => r.Node, StringComparer.Ordinal).ToList(),
                _started is { } s ? now - s : TimeSpan.Zero, eta, _lastFailure, _messages.ToList());
        }
    }

    private void Count(RunEvent ended)
    {
        switch (ended.State)
        {
            case "done":
                _done++;
                break;
            case "already-done":
                _already++;
                break;
            case "failed":
                _failed++;
                _lastFailure = $"{ended.StepId}: {ended.Message}";
                break;
            default:
                _skipped++;
                break;
        }
    }
}
