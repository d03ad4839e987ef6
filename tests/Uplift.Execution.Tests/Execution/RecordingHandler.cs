using System.Collections.Concurrent;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Tests.Execution;

/// <summary>
/// A handler for executor tests: records what it acted on and in which order, the most steps of each class that ran
/// at once, and can be told to fail a step, to find a step already done, or to hold a step until released.
/// </summary>
internal sealed class RecordingHandler : IStepHandler
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _runningPerClass = [];

    public List<string> Started { get; } = [];

    public List<string> Acted { get; } = [];

    public List<string> Ended { get; } = [];

    /// <summary>"act ID" and "end ID" in the order they happened, across steps.</summary>
    public List<string> Sequence { get; } = [];

    public Dictionary<string, int> MostAtOnce { get; } = [];

    public HashSet<string> Failing { get; } = [];

    public HashSet<string> AlreadyDone { get; } = [];

    public ConcurrentDictionary<string, TaskCompletionSource> Holds { get; } = new();

    /// <summary>Runs when a step starts acting (a test can stop or kill the run there).</summary>
    public Action<string>? OnAct { get; set; }

    public IReadOnlyList<string> Describe(PlanStep step) => [$"act {step.Id}"];

    public Task<bool> IsDoneAsync(StepContext context)
    {
        lock (_gate)
        {
            Started.Add(context.Step.Id);
        }
        return Task.FromResult(AlreadyDone.Contains(context.Step.Id));
    }

    public async Task ActAsync(StepContext context)
    {
        var step = context.Step;
        lock (_gate)
        {
            Acted.Add(step.Id);
            Sequence.Add("act " + step.Id);
            var now = _runningPerClass.GetValueOrDefault(step.Class) + 1;
            _runningPerClass[step.Class] = now;
            MostAtOnce[step.Class] = Math.Max(now, MostAtOnce.GetValueOrDefault(step.Class));
        }
        OnAct?.Invoke(step.Id);
        try
        {
            if (Holds.TryGetValue(step.Id, out var hold))
            {
                await hold.Task.WaitAsync(context.Abort);
            }
            else
            {
                await Task.Yield();
            }
            if (Failing.Contains(step.Id))
            {
                throw new StepFailedException($"{step.Id} failed on purpose");
            }
        }
        finally
        {
            lock (_gate)
            {
                _runningPerClass[step.Class]--;
                Ended.Add(step.Id);
                Sequence.Add("end " + step.Id);
            }
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
