using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>
/// Runs work over nodes with at most <c>width</c> at once; the next node starts as soon as any running one
/// finishes (a sliding window, not batch-and-wait, so one slow node does not hold the others back).
/// Nodes start in the given order; results come back in that order.
/// </summary>
public sealed class SlidingWindow
{
    private readonly int _width;
    private readonly TimeProvider _time;

    public SlidingWindow(int width, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        _width = width;
        _time = time ?? TimeProvider.System;
    }

    /// <param name="started">Called when a node's work starts (for live progress).</param>
    /// <param name="finished">Called when a node's work ends, with its outcome.</param>
    public async Task<IReadOnlyList<NodeOutcome<T>>> RunAsync<T>(
        IReadOnlyList<Node> nodes,
        Func<Node, CancellationToken, Task<T>> work,
        Action<Node>? started = null,
        Action<NodeOutcome<T>>? finished = null,
        CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(_width, _width);
        var running = new List<Task<NodeOutcome<T>>>(nodes.Count);
        foreach (var node in nodes)
        {
            try
            {
                await slots.WaitAsync(cancellationToken);
                // A slot freed by a node that was itself cancelled must not start another one.
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                // Let the running nodes end (they see the same token) before reporting the interruption.
                await ((Task)Task.WhenAll(running)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }
            running.Add(RunOneAsync(node, work, slots, started, finished, cancellationToken));
        }
        return await Task.WhenAll(running);
    }

    private async Task<NodeOutcome<T>> RunOneAsync<T>(
        Node node,
        Func<Node, CancellationToken, Task<T>> work,
        SemaphoreSlim slots,
        Action<Node>? started,
        Action<NodeOutcome<T>>? finished,
        CancellationToken cancellationToken)
    {
        var begin = _time.GetUtcNow();
        NodeOutcome<T> outcome;
        try
        {
            started?.Invoke(node);
            var result = await work(node, cancellationToken);
            outcome = new NodeOutcome<T>(node, result, null, begin, _time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One node's failure is that node's outcome; the others go on.
            outcome = new NodeOutcome<T>(node, default, e, begin, _time.GetUtcNow());
        }
        finally
        {
            slots.Release();
        }
        finished?.Invoke(outcome);
        return outcome;
    }
}
