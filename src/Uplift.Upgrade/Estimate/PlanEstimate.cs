using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Estimate;

/// <summary>One phase of the estimate: when its first step starts and its last one ends, from the start of the run.</summary>
public sealed record PhaseEstimate(string Phase, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Span => End - Start;
}

/// <summary>What the run's length is made of along its critical path: a kind of step (or a pause) and its time there.</summary>
public sealed record EstimateBound(string What, TimeSpan Time);

/// <summary>
/// The makespan of a plan if every step succeeds and takes its documented duration (<see cref="StepDurations"/>):
/// the executor's own rules replayed on a simulated clock — a step starts once what it needs and follows has ended and
/// its class has room (<see cref="ClassSlots"/>, per-node windows included), in plan order, and a pause after a step
/// holds its slot. Pure: no node, no clock.
/// </summary>
/// <param name="Total">From the first step's start to the last one's end.</param>
/// <param name="Phases">Each phase's start and end, in plan order.</param>
/// <param name="CriticalPath">The critical path's time by kind of step (and pauses), longest first; it sums to the total.</param>
/// <param name="CriticalPathByPhase">The critical path's time in each phase, in plan order.</param>
public sealed record PlanEstimate(
    TimeSpan Total,
    IReadOnlyList<PhaseEstimate> Phases,
    IReadOnlyList<EstimateBound> CriticalPath,
    IReadOnlyList<EstimateBound> CriticalPathByPhase)
{
    public const string Pause = "pauses after neutron agents";

    public static PlanEstimate Of(Plan plan, EstimateSettings settings, ConcurrencySettings concurrency) =>
        new Simulation(plan, settings, concurrency).Run();

    /// <summary>The discrete-event replay. Steps are numbered in plan order; ready steps wait per class in that order.</summary>
    private sealed class Simulation
    {
        private readonly Plan _plan;
        private readonly IReadOnlyList<PlanStep> _steps;
        private readonly double[] _duration;
        private readonly double[] _start;
        private readonly double[] _end;
        // Why a step started when it did: the step whose end (or pause end) let it (-1: the run's start).
        private readonly int[] _cause;
        private readonly bool[] _causeIsPause;
        private readonly int[] _waitingFor;
        private readonly double[] _readyAt;
        private readonly List<int>[] _followers;
        private readonly ClassSlots _slots;
        // Ready steps per class in plan order; per-node classes keep the steps of nodes already holding a slot apart.
        private readonly Dictionary<string, SortedSet<int>> _ready = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<int>> _readyHolding = new(StringComparer.Ordinal);
        private readonly HashSet<string> _perNode;
        // Per-node classes: ready steps of nodes not holding a slot, by node, to move them once their node holds one.
        private readonly Dictionary<(string Class, string Node), List<int>> _readyByNode = [];
        private readonly PriorityQueue<(int Step, bool PauseEnd), (double Time, int Order)> _events = new();
        private int _order;
        // The latest slot release per class: a step that waited for room started because of it.
        private readonly Dictionary<string, (int Step, bool Pause)> _lastRelease = new(StringComparer.Ordinal);

        public Simulation(Plan plan, EstimateSettings settings, ConcurrencySettings concurrency)
        {
            // The live-migrations class counts hosts; each moves per-host instances at once within the cluster's budget.
            var perHost = Math.Max(1, concurrency.LiveMigrationsPerHost);
            _plan = plan with
            {
                Classes = [.. plan.Classes.Select(c => c.Name == ConcurrencyClasses.LiveMigrations ? c with { Limit = Math.Max(1, c.Limit / perHost) } : c)],
            };
            _steps = plan.Steps;
            var n = _steps.Count;
            _duration = [.. _steps.Select(s => StepDurations.Of(s, settings, concurrency))];
            _start = new double[n];
            _end = new double[n];
            _cause = Enumerable.Repeat(-1, n).ToArray();
            _causeIsPause = new bool[n];
            _waitingFor = new int[n];
            _readyAt = new double[n];
            _followers = [.. Enumerable.Range(0, n).Select(_ => new List<int>())];
            var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                index[_steps[i].Id] = i;
            }
            for (var i = 0; i < n; i++)
            {
                foreach (var before in _steps[i].Needs.Concat(_steps[i].After).Distinct(StringComparer.Ordinal))
                {
                    _followers[index[before]].Add(i);
                    _waitingFor[i]++;
                }
            }
            _slots = new ClassSlots(_plan, _ => false);
            _perNode = _plan.Classes.Where(c => c.PerNode).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        }

        public PlanEstimate Run()
        {
            for (var i = 0; i < _steps.Count; i++)
            {
                if (_waitingFor[i] == 0)
                {
                    MakeReady(i);
                }
            }
            var now = 0.0;
            StartWhatCan(now);
            while (_events.TryDequeue(out var next, out var at))
            {
                now = at.Time;
                End(next.Step, next.PauseEnd, now);
                while (_events.TryPeek(out var same, out var sameAt) && sameAt.Time <= now)
                {
                    _events.Dequeue();
                    End(same.Step, same.PauseEnd, now);
                }
                StartWhatCan(now);
            }
            return Result();
        }

        private void MakeReady(int step)
        {
            var cls = _steps[step].Class;
            var holding = _perNode.Contains(cls) && _slots.Holds(_steps[step]);
            var queues = holding ? _readyHolding : _ready;
            if (!queues.TryGetValue(cls, out var queue))
            {
                queues[cls] = queue = [];
            }
            queue.Add(step);
            if (!holding && _perNode.Contains(cls) && _steps[step].Node is { } node)
            {
                if (!_readyByNode.TryGetValue((cls, node), out var mine))
                {
                    _readyByNode[(cls, node)] = mine = [];
                }
                mine.Add(step);
            }
        }

        private void StartWhatCan(double now)
        {
            foreach (var queues in new[] { _readyHolding, _ready })
            {
                foreach (var (cls, queue) in queues)
                {
                    while (queue.Count > 0 && _slots.HasRoom(_steps[queue.Min]))
                    {
                        var step = queue.Min;
                        queue.Remove(step);
                        Start(step, now);
                        if (_steps[step].Node is { } node && _readyByNode.Remove((cls, node), out var siblings))
                        {
                            // Its node holds a slot now: its other ready steps of the class have room whatever the count.
                            foreach (var sibling in siblings.Where(queue.Remove))
                            {
                                _readyHolding.TryAdd(cls, []);
                                _readyHolding[cls].Add(sibling);
                            }
                        }
                    }
                }
            }
        }

        private void Start(int step, double now)
        {
            var s = _steps[step];
            if (now > _readyAt[step] && _lastRelease.TryGetValue(s.Class, out var release))
            {
                // It waited for room, not for its dependencies.
                _cause[step] = release.Step;
                _causeIsPause[step] = release.Pause;
            }
            _slots.Take(s);
            _start[step] = now;
            _end[step] = now + _duration[step];
            _events.Enqueue((step, false), (_end[step], _order++));
        }

        private void End(int step, bool pauseEnd, double now)
        {
            var s = _steps[step];
            if (pauseEnd)
            {
                _slots.Release(s);
                _lastRelease[s.Class] = (step, true);
                return;
            }
            if (s.PauseAfterSeconds > 0)
            {
                _events.Enqueue((step, true), (now + s.PauseAfterSeconds, _order++));
            }
            else
            {
                _slots.Release(s);
                _lastRelease[s.Class] = (step, false);
            }
            foreach (var follower in _followers[step])
            {
                if (now >= _readyAt[follower])
                {
                    _readyAt[follower] = now;
                    _cause[follower] = step;
                    _causeIsPause[follower] = false;
                }
                if (--_waitingFor[follower] == 0)
                {
                    MakeReady(follower);
                }
            }
        }

        private PlanEstimate Result()
        {
            var n = _steps.Count;
            if (n == 0)
            {
                return new PlanEstimate(TimeSpan.Zero, [], [], []);
            }
            var last = Enumerable.Range(0, n).MaxBy(i => _end[i]);
            var total = _end[last];
            var byKind = new Dictionary<string, double>(StringComparer.Ordinal);
            var byPhase = new Dictionary<string, double>(StringComparer.Ordinal);
            // Walk back from the last end: each step's own time, then the gap before it is its cause's (or its pause's).
            var at = last;
            var pauseHere = false;
            while (at >= 0)
            {
                var s = _steps[at];
                var time = pauseHere ? s.PauseAfterSeconds : _duration[at];
                var what = pauseHere ? Pause : s.Kind.Name;
                byKind[what] = byKind.GetValueOrDefault(what) + time;
                byPhase[s.Phase] = byPhase.GetValueOrDefault(s.Phase) + time;
                if (pauseHere)
                {
                    pauseHere = false;
                    continue;
                }
                pauseHere = _causeIsPause[at];
                at = _cause[at];
            }
            var phases = _steps.Select((s, i) => (s.Phase, i)).GroupBy(p => p.Phase)
                .Select(g => new PhaseEstimate(g.Key, Seconds(g.Min(p => _start[p.i])), Seconds(g.Max(p => _end[p.i])))).ToList();
            return new PlanEstimate(
                Seconds(total),
                phases,
                [.. byKind.Where(k => k.Value > 0).OrderByDescending(k => k.Value).Select(k => new EstimateBound(k.Key, Seconds(k.Value)))],
                [.. phases.Where(p => byPhase.GetValueOrDefault(p.Phase) > 0).Select(p => new EstimateBound(p.Phase, Seconds(byPhase[p.Phase])))]);
        }

        private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Round(seconds, 3));
    }
}
