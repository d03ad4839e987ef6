using System.Collections.Concurrent;

namespace Uplift.Planning;

/// <summary>Hears a plan being built: its head (the plan but its steps) first, then each step as the planner adds it.</summary>
public interface IPlanListener
{
    void Begun(Plan head);

    void Added(PlanStep step);
}

/// <summary>
/// Writes a plan's file while the planner still builds it: the planner hands it each step (in batches), a writer on another
/// core writes them as they come (a 10,000-node plan's 100 MB of JSON is written while it is planned, not after). The bytes
/// are exactly those of <see cref="PlanJson.Write(Plan, Stream)"/>. The planner never waits for the writer.
/// </summary>
public sealed class PlanStream : IPlanListener, IDisposable
{
    private const int BatchSize = 1024;
    private readonly BlockingCollection<PlanStep[]> _batches = [];
    private readonly TaskCompletionSource<Plan> _head = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PlanStep[] _batch = new PlanStep[BatchSize];
    private int _count;
    private volatile bool _failed;

    public void Begun(Plan head) => _head.TrySetResult(head);

    public void Added(PlanStep step)
    {
        _batch[_count++] = step;
        if (_count == BatchSize)
        {
            _batches.Add(_batch);
            _batch = new PlanStep[BatchSize];
            _count = 0;
        }
    }

    /// <summary>The plan is built: its last steps go to the writer.</summary>
    public void Complete()
    {
        if (_count > 0)
        {
            _batches.Add(_batch[.._count]);
        }
        _batches.CompleteAdding();
    }

    /// <summary>The plan could not be built: the writer stops with an error, so what it wrote is not kept.</summary>
    public void Fail()
    {
        _failed = true;
        _head.TrySetCanceled();
        _batches.CompleteAdding();
    }

    /// <summary>Writes the plan as it comes; throws <see cref="OperationCanceledException"/> when it was not built.</summary>
    public void WriteTo(Stream output)
    {
        PlanJson.Write(_head.Task.GetAwaiter().GetResult(), Steps(), output);
        if (_failed)
        {
            throw new OperationCanceledException("the plan was not built");
        }
    }

    private IEnumerable<PlanStep> Steps()
    {
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            foreach (var step in batch)
            {
                yield return step;
            }
        }
    }

    public void Dispose() => _batches.Dispose();
}
