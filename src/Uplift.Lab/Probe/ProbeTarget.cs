namespace Uplift.Lab;

/// <summary>One API frontend on the VIP the probe sends requests to, named like its HAProxy frontend.</summary>
public sealed record ProbeTarget(string Name, Uri Url)
{
    /// <summary>Every API frontend of the lab, on the VIP.</summary>
    public static IReadOnlyList<ProbeTarget> For(LabLayout lab) =>
        [.. lab.Services.SelectMany(s => s.Backends)
            .Select(b => new ProbeTarget(b.Name, new Uri($"http://{LabLayout.VipAddress}:{b.Port}/")))];
}
