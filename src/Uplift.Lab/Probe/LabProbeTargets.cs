using Uplift.OpenStack;

namespace Uplift.Lab;

/// <summary>The lab's API frontends on the VIP, named like their HAProxy frontends, for `uplift lab probe`.</summary>
public static class LabProbeTargets
{
    public static IReadOnlyList<ProbeTarget> For(LabLayout lab) =>
        [.. lab.Services.SelectMany(s => s.Backends)
            .Select(b => new ProbeTarget(b.Name, new Uri($"http://{LabLayout.VipAddress}:{b.Port}/")))];
}
