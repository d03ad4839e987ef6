using System.Collections.Concurrent;
using Uplift.Inventory;
using Uplift.Testing;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class SlidingWindowTests
{
    private static IReadOnlyList<Node> Nodes(int count) =>
        Enumerable.Range(1, count).Select(i => new Node($"cmp{i}", $"10.0.0.{i}", [Role.Compute])).ToList();

    [Fact]
    public async Task Given_a_window_of_two_When_any_node_finishes_Then_the_next_starts_at_once_without_waiting_for_the_batch()
    {
        var clock = new TestClock();
        var gates = new ConcurrentDictionary<string, TaskCompletionSource<string>>();
        var started = new ConcurrentQueue<string>();
        var window = new SlidingWindow(2, clock);

        var run = window.RunAsync(
            Nodes(4),
            (node, _) => gates.GetOrAdd(node.Name, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task,
            started: node => started.Enqueue(node.Name));

        await Until(() => started.Count == 2);
        started.ShouldBe(["cmp1", "cmp2"]);
        clock.Advance(TimeSpan.FromSeconds(3));
        gates["cmp2"].SetResult("two");
        await Until(() => started.Count == 3);
        started.ShouldBe(["cmp1", "cmp2", "cmp3"]);
        clock.Advance(TimeSpan.FromSeconds(1));
        gates["cmp3"].SetResult("three");
        await Until(() => started.Count == 4);
        gates["cmp4"].SetResult("four");
        clock.Advance(TimeSpan.FromSeconds(6));
        gates["cmp1"].SetResult("one");
        var outcomes = await run;

        outcomes.Select(o => o.Result).ShouldBe(["one", "two", "three", "four"]);
        outcomes[0].Elapsed.ShouldBe(TimeSpan.FromSeconds(10));
        outcomes[1].Elapsed.ShouldBe(TimeSpan.FromSeconds(3));
        outcomes[2].Started.ShouldBe(outcomes[1].Finished);
        outcomes[2].Elapsed.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Given_many_nodes_When_run_Then_never_more_than_the_width_run_at_once()
    {
        var running = 0;
        var peak = 0;
        var window = new SlidingWindow(3, new TestClock());

        var outcomes = await window.RunAsync(Nodes(20), async (node, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return node.Name;
        });

        peak.ShouldBeLessThanOrEqualTo(3);
        outcomes.Count.ShouldBe(20);
    }

    [Fact]
    public async Task Given_one_node_throws_When_run_Then_that_node_carries_the_error_and_the_others_finish()
    {
        var finished = new ConcurrentBag<string>();
        var window = new SlidingWindow(2, new TestClock());

        var outcomes = await window.RunAsync(
            Nodes(3),
            (node, _) => node.Name == "cmp2" ? throw new InvalidOperationException("disk full") : Task.FromResult(node.Name),
            finished: outcome => finished.Add(outcome.Node.Name));

        outcomes[1].Error.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("disk full");
        outcomes[0].Result.ShouldBe("cmp1");
        outcomes[2].Result.ShouldBe("cmp3");
        finished.OrderBy(n => n).ShouldBe(["cmp1", "cmp2", "cmp3"]);
    }

    [Fact]
    public async Task Given_cancellation_while_waiting_for_a_slot_When_run_Then_no_new_node_starts_and_it_reports_the_interruption()
    {
        using var stop = new CancellationTokenSource();
        var started = new ConcurrentQueue<string>();
        var window = new SlidingWindow(1, new TestClock());

        var run = window.RunAsync(Nodes(3), async (node, token) =>
        {
            started.Enqueue(node.Name);
            await Task.Delay(Timeout.Infinite, token);
            return node.Name;
        }, cancellationToken: stop.Token);
        await Until(() => started.Count == 1);
        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        started.ShouldBe(["cmp1"]);
    }

    [Fact]
    public void Given_a_width_below_one_When_made_Then_it_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new SlidingWindow(0));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    // Waits for work started on the thread pool to reach a state; no clock is involved.
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }
        condition().ShouldBeTrue();
    }
}
