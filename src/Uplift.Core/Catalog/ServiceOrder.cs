using Uplift.Diagnostics;

namespace Uplift.Catalog;

/// <summary>
/// Puts services in upgrade order: every service after the ones its 'after' names, ties kept in
/// the order the files list them. Unknown names and cycles are input errors.
/// </summary>
internal static class ServiceOrder
{
    public static IReadOnlyList<ServiceDraft> Sort(IReadOnlyList<ServiceDraft> services, List<Diagnostic> problems)
    {
        var known = services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = services
            .SelectMany(s => (s.After ?? []).Where(a => !known.Contains(a.Name)).Select(a => (s, a)))
            .Select(x => new Diagnostic(
                $"service '{x.s.Name}' is ordered after unknown service '{x.a.Name}'",
                x.a.Where,
                $"known services: {string.Join(", ", known)}"))
            .ToList();
        if (unknown.Count > 0)
        {
            problems.AddRange(unknown);
            return services;
        }

        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<ServiceDraft>(services.Count);
        while (order.Count < services.Count)
        {
            var next = services.FirstOrDefault(s => !placed.Contains(s.Name) && (s.After ?? []).All(a => placed.Contains(a.Name)));
            if (next is null)
            {
                problems.Add(CycleAmong(services.Where(s => !placed.Contains(s.Name)).ToList()));
                return services;
            }
            placed.Add(next.Name);
            order.Add(next);
        }
        return order;
    }

    /// <summary>Follows 'after' links among the services that could not be placed until one repeats;
    /// the error points at the 'after' entry that closes the loop.</summary>
    private static Diagnostic CycleAmong(IReadOnlyList<ServiceDraft> stuck)
    {
        var byName = stuck.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var path = new List<ServiceDraft> { stuck[0] };
        while (true)
        {
            var blocker = path[^1].After!.First(a => byName.ContainsKey(a.Name));
            var seen = path.FindIndex(s => s.Name == blocker.Name);
            if (seen >= 0)
            {
                var cycle = path.Skip(seen).ToList();
                var names = string.Join(" → ", cycle.Select(s => s.Name).Append(cycle[0].Name));
                return new Diagnostic(
                    $"services are ordered after each other in a cycle: {names}",
                    blocker.Where,
                    "remove one of these 'after' entries");
            }
            path.Add(byName[blocker.Name]);
        }
    }
}
