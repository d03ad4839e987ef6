using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// A service whose API goes last (<see cref="ServiceDefinition.ApiLast"/>, cinder: scheduler, volume, backup, then api).
/// Debian ships the API and the scheduler of a controller on one common package, so a controller cannot run a new
/// scheduler beside an old API. The controllers but the last get the new code with only their non-API units started,
/// their API drained and stopped; the last controller keeps answering the API on the old code. Then the satellites
/// (volume nodes); then the held APIs start, answer and are put back; then the last controller is upgraded as usual.
/// With one controller there is none left to answer: its API is down from its drain to its enable, a planned outage.
/// </summary>
internal static class ApiLastSteps
{
    /// <returns>The steps the service's work ends with; null when the VIP holder has nothing of the service.</returns>
    public static string[]? Add(HopContext ctx, ServiceDefinition service, string[] previous)
    {
        var vip = ctx.VipHolder;
        var others = ctx.OtherControllers.ToArray();
        var alone = others.Length == 0;
        var satellites = string.Join(", ", service.SatelliteRoles.Select(InventoryYamlWriter.RoleName));
        KeyValuePair<string, string>[] marks = alone ? [PlannedOutage.Of(service.Name)] : [];
        ctx.Enter(Phases.ControlPlane, alone
            ? $"{service.Name}: VIP holder {vip.Name}, a planned {service.Name} API outage: its API waits for the {satellites} nodes"
            : $"{service.Name}: VIP holder {vip.Name}, API held until the {satellites} nodes run the new code", service.Name);
        if (NodeUpgrade.AddHoldingApi(ctx, service, vip, ConcurrencyClasses.VipHolder, previous, [], withDatabase: true, marks) is not { } first)
        {
            return null;
        }
        List<NodeUpgrade.Held> held = [first];
        var last = alone ? null : others[^1];
        if (others.Length > 1)
        {
            ctx.Enter(Phases.ControlPlane, $"{service.Name}: other controllers but {last!.Name}, API held", service.Name);
            foreach (var node in others.Where(n => n != last))
            {
                held.AddRange(NodeUpgrade.AddHoldingApi(ctx, service, node, ConcurrencyClasses.Controllers, first.Started, [], withDatabase: false, []) is { } h
                    ? [h] : []);
            }
        }

        var satellitesDone = ControlPlaneSteps.Satellites(ctx, service, [.. held.SelectMany(h => h.Started)]).ToArray();

        ctx.Enter(Phases.ControlPlane, $"{service.Name}: API on the new code, after the {satellites} nodes", service.Name);
        var apis = held.Select(h => h.StartApi(satellitesDone)).ToList();
        var ends = apis.SelectMany(a => a.Ended).Concat(satellitesDone).ToList();
        if (last is not null)
        {
            ctx.Enter(Phases.ControlPlane, $"{service.Name}: last controller {last.Name} (it answered the API meanwhile)", service.Name);
            var done = NodeUpgrade.Add(ctx, service, last, ConcurrencyClasses.Controllers, apis.Select(a => a.Healthy), apis.SelectMany(a => a.Ended),
                withDatabase: false);
            ends.AddRange(done?.Ended ?? []);
        }
        return [.. ends];
    }
}
