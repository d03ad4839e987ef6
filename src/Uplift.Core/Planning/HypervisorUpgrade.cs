namespace Uplift.Planning;

/// <summary>
/// A hypervisor-stack package that moves on a compute: installed at <see cref="From"/>, offered at <see cref="To"/> by the
/// target repository. Written in plan inputs as "node:package=from&gt;to" (Debian versions hold neither '=' nor '&gt;').
/// </summary>
public sealed record HypervisorUpgrade(string Node, string Package, string From, string To)
{
    public override string ToString() => $"{Node}:{Package}={From}>{To}";

    /// <summary>"libvirt-daemon-system 11.3.0-3 → 12.8.0-1", as the plan shows it.</summary>
    public string Shown => $"{Package} {From} → {To}";

    public static string Format(IEnumerable<HypervisorUpgrade> upgrades) =>
        string.Join(' ', upgrades.Select(u => u.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The entries of <see cref="PlanOptions.HypervisorUpgrades"/>; malformed ones are skipped (plan files are
    /// checked against their hash, so they are only ever Uplift's own).</summary>
    public static IEnumerable<HypervisorUpgrade> Parse(string text)
    {
        foreach (var entry in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var arrow = entry.IndexOf('>', StringComparison.Ordinal);
            if (colon > 0 && equals > colon + 1 && arrow > equals + 1 && arrow < entry.Length - 1)
            {
                yield return new(entry[..colon], entry[(colon + 1)..equals], entry[(equals + 1)..arrow], entry[(arrow + 1)..]);
            }
        }
    }
}
