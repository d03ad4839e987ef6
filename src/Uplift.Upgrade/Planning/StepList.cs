using Uplift.Planning;
namespace Uplift.Upgrade.Planning;

/// <summary>
/// Collects a plan's steps in the order they are added (which is a topological order, since a step can
/// only name steps that already exist) and refuses duplicate ids or references to unknown steps.
/// </summary>
/// <param name="expected">About how many steps will come: a large plan's lists made at their size once, rather than grown
/// (each growth of a list of 100,000 steps is a large object, and those start full collections).</param>
internal sealed class StepList(int expected = 0)
{
    private readonly List<PlanStep> _steps = new(expected);
    private readonly HashSet<string> _ids = new(expected, StringComparer.Ordinal);
    private readonly SharedArguments _arguments = new();
    private readonly Dictionary<string, string[]> _nodes = new(StringComparer.Ordinal);
    private string? _last;
    private readonly Dictionary<string, (object Arguments, IReadOnlyList<KeyValuePair<string, string>> Pairs)> _lastWritten = new(StringComparer.Ordinal);

    public IReadOnlyList<PlanStep> Steps => _steps;

    public string Prefix { get; set; } = "";

    public string Phase { get; set; } = "";

    public string Group { get; set; } = "";

    public string? Service { get; set; }

    /// <summary>Hears each step as it is added.</summary>
    public IPlanListener? Listener { get; init; }

    /// <summary>Adds a step; <paramref name="id"/> is relative (the hop prefix is added). Returns the full id.</summary>
    public string Add(
        string id,
        StepKind kind,
        string? node,
        string concurrencyClass,
        IEnumerable<string>? needs = null,
        IEnumerable<string>? after = null,
        IReadOnlyList<KeyValuePair<string, string>>? arguments = null,
        int pauseAfterSeconds = 0,
        bool alwaysRun = false)
    {
        var fullId = Prefix + id;
        if (!_ids.Add(fullId))
        {
            throw new InvalidOperationException($"planner bug: step id '{fullId}' used twice");
        }
        var needList = Known(needs, fullId);
        var afterList = Known(after, fullId, except: needList);
        _last = fullId;
        var step = new PlanStep(
            fullId,
            kind,
            Phase,
            Service,
            node is null ? [] : Nodes(node),
            arguments is null ? [] : _arguments.Share(arguments),
            concurrencyClass,
            needList,
            afterList,
            pauseAfterSeconds,
            alwaysRun,
            Group);
        _steps.Add(step);
        Listener?.Added(step);
        return fullId;
    }

    /// <summary>
    /// Adds a step of <typeparamref name="TArguments"/>'s kind with those arguments, then <paramref name="marks"/> (the
    /// engine's: when, outage); <paramref name="id"/> is relative. Returns the full id.
    /// </summary>
    public string Add<TArguments>(
        string id,
        TArguments arguments,
        string? node,
        string concurrencyClass,
        IEnumerable<string>? needs = null,
        IEnumerable<string>? after = null,
        IEnumerable<KeyValuePair<string, string>>? marks = null,
        int pauseAfterSeconds = 0,
        bool alwaysRun = false)
        where TArguments : IStepArguments<TArguments> =>
        Add(id, TArguments.Kind, node, concurrencyClass, needs, after,
            marks is null ? Written(id, arguments) : [.. arguments.Write(), .. marks], pauseAfterSeconds, alwaysRun);

    // The planner hands the same arguments to each node of a kind (a compute's packages, prepare's puppet reason), node
    // after node: what each step of a node's sequence (its id's last part: "install", "start-agents") was last given is
    // kept, and the same arguments again are not written again (written, they were most of a 10,000-node plan's time).
    private IReadOnlyList<KeyValuePair<string, string>> Written<TArguments>(string id, TArguments arguments)
        where TArguments : IStepArguments<TArguments>
    {
        var last = _lastWritten.GetAlternateLookup<ReadOnlySpan<char>>();
        var part = id.AsSpan(id.LastIndexOf('/') + 1);
        if (last.TryGetValue(part, out var kept) && ReferenceEquals(kept.Arguments, arguments))
        {
            return kept.Pairs;
        }
        var pairs = _arguments.Share(arguments.Write());
        last[part] = (arguments, pairs);
        return pairs;
    }

    // One list per node, shared by its steps.
    private string[] Nodes(string node)
    {
        if (!_nodes.TryGetValue(node, out var list))
        {
            _nodes.Add(node, list = [node]);
        }
        return list;
    }

    /// <summary>The referenced ids, each once, all of them earlier steps (a planner bug otherwise). The planner never changes
    /// an array once given: a caller's array that holds them exactly is kept as it is (most steps need one step, in a fresh
    /// array), a new one made only when some are left out.</summary>
    private string[] Known(IEnumerable<string>? ids, string from, string[]? except = null)
    {
        if (ids is null)
        {
            return [];
        }
        var given = ids as IReadOnlyList<string> ?? [.. ids];
        if (given.Count == 0)
        {
            return [];
        }
        string[]? known = given as string[];
        var copied = known is null;
        known ??= new string[given.Count];
        var count = 0;
        // Milestones name thousands of steps: a set keeps the duplicate check linear.
        var seen = given.Count > 8 ? new HashSet<string>(given.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < given.Count; i++)
        {
            var id = given[i];
            // Most steps need the one just added: known without a look-up.
            if (!(ReferenceEquals(id, _last) || _ids.Contains(id)) || id == from)
            {
                throw new InvalidOperationException($"planner bug: step '{from}' refers to '{id}', which does not come before it");
            }
            var duplicate = seen is null ? Array.IndexOf(known, id, 0, count) >= 0 : !seen.Add(id);
            var keep = !duplicate && (except is null || Array.IndexOf(except, id) < 0);
            if (!copied && keep)
            {
                count++; // still the caller's array, every id so far kept in its place
                continue;
            }
            if (!copied)
            {
                // The first left out: those kept so far, and the rest kept, go to a copy.
                known = known[..count];
                Array.Resize(ref known, given.Count);
                copied = true;
            }
            if (keep)
            {
                known[count++] = id;
            }
        }
        if (count == 0)
        {
            return [];
        }
        if (count < known.Length)
        {
            Array.Resize(ref known, count);
        }
        return known;
    }
}
