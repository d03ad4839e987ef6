namespace Uplift.OpenStack;

/// <summary>
/// What pre-flight and post-checks report from the service lists: every service enabled (unless the operator
/// disabled it with a reason, which is listed as a note), up, not forced down, not in a down cell; every agent
/// alive. Pure.
/// </summary>
public static class ServiceHealth
{
    public static IReadOnlyList<string> Problems(
        IEnumerable<NovaService>? nova = null, IEnumerable<NeutronAgent>? neutron = null, IEnumerable<CinderService>? cinder = null)
    {
        var problems = new List<string>();
        foreach (var service in nova ?? [])
        {
            var name = Name("nova", service);
            if (service.InDownCell)
            {
                problems.Add($"{name}: status UNKNOWN, its cell database is unreachable");
                continue;
            }
            if (service.ForcedDown == true)
            {
                problems.Add($"{name}: forced down (openstack compute service set --up {service.Host} {service.Binary} once it runs)");
            }
            if (service.State != ServiceState.Up)
            {
                problems.Add(NotUp("nova", service));
            }
        }
        foreach (var agent in neutron ?? [])
        {
            if (!agent.Alive)
            {
                problems.Add($"neutron {agent.AgentType} ({agent.Binary}) on {agent.Host}: not alive, last heartbeat {agent.HeartbeatAt?.ToString("u") ?? "never"}");
            }
        }
        foreach (var service in cinder ?? [])
        {
            if (service.State != ServiceState.Up)
            {
                problems.Add(NotUp("cinder", service));
            }
        }
        return problems;
    }

    /// <summary>Services the operator (or an earlier run) disabled, with the reason recorded: shown, not failed.</summary>
    public static IReadOnlyList<string> Disabled(IEnumerable<NovaService>? nova = null, IEnumerable<CinderService>? cinder = null) =>
        DisabledNotes("nova", nova ?? []).Concat(DisabledNotes("cinder", cinder ?? [])).ToList();

    private static IEnumerable<string> DisabledNotes(string project, IEnumerable<IServiceRecord> services) =>
        services.Where(s => s.Status == ServiceStatus.Disabled)
            .Select(s => $"{Name(project, s)}: disabled ({s.DisabledReason ?? "no reason given"})");

    private static string NotUp(string project, IServiceRecord service) =>
        $"{Name(project, service)}: {(service.State == ServiceState.Down ? "down" : "state unknown")}, "
        + $"last report {service.UpdatedAt?.ToString("u") ?? "never"}";

    private static string Name(string project, IServiceRecord service) => $"{project} {service.Binary} on {service.Host}";
}
