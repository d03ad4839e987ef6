using Uplift.Planning;
namespace Uplift.Upgrade.Planning;

/// <summary>
/// Collects a plan's steps in the order they are added (which is a topological order, since a step can
/// only name steps that already exist) and refuses duplicate ids or references to unknown steps.
/// </summary>
internal sealed class StepList
{
    private readonly List<PlanStep> _steps = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly SharedArguments _arguments = new();
    private readonly Dictionary<string, string[]> _nodes = new(StringComparer.Ordinal);

    public IReadOnlyList<PlanStep> Steps => _steps;

    public string Prefix { get; set; } = "";

    public string Phase { get; set; } = "";

    public string Group { get; set; } = "";

    public string? Service { get; set; }

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
        _steps.Add(new PlanStep(
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
            Group));
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
            marks is null ? arguments.Write() : [.. arguments.Write(), .. marks], pauseAfterSeconds, alwaysRun);

    // One list per node, shared by its steps.
    private string[] Nodes(string node)
    {
        if (!_nodes.TryGetValue(node, out var list))
        {
            _nodes.Add(node, list = [node]);
        }
        return list;
    }

    /// <summary>The referenced ids, each once, all of them earlier steps (a planner bug otherwise).</summary>
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
        var known = new string[given.Count];
        var count = 0;
        // Milestones name thousands of steps: a set keeps the duplicate check linear.
        var seen = given.Count > 8 ? new HashSet<string>(given.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < given.Count; i++)
        {
            var id = given[i];
            if (!_ids.Contains(id) || id == from)
            {
                throw new InvalidOperationException($"planner bug: step '{from}' refers to '{id}', which does not come before it");
            }
            var duplicate = seen is null ? Array.IndexOf(known, id, 0, count) >= 0 : !seen.Add(id);
            if (!duplicate && (except is null || Array.IndexOf(except, id) < 0))
            {
                known[count++] = id;
            }
        }
        if (count < known.Length)
        {
            Array.Resize(ref known, count);
        }
        return count == 0 ? [] : known;
    }
}
