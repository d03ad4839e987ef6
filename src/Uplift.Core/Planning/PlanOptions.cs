namespace Uplift.Planning;

/// <summary>Operator choices and facts that change the plan.</summary>
/// <param name="Drain">Drain API servers out of HAProxy before touching them. Turning it off is unsafe (API errors during the upgrade).</param>
/// <param name="LiveMigrate">Live-migrate instances off every compute before upgrading it (else only those whose hypervisor stack
/// moves are emptied, and by the operator).</param>
/// <param name="AllowInstances">Upgrade a compute that must be emptied even if instances remain on it (they live through
/// nova-compute's restart, not always through the hypervisor stack's).</param>
/// <param name="Backup">Take and verify a DB backup before any DB step. Turning it off is unsafe: DB downgrades are not supported upstream.</param>
/// <param name="VipHolder">Controller holding the API VIP (found by `crm resource locate` before planning); null assumes the
/// first controller. Pre-flight checks the VIP is really there and stops the run otherwise.</param>
/// <param name="OnlineMigrationBatch">--max-count given to online data migration commands (they are repeated until done).</param>
/// <param name="Via">Intermediate releases for a multi-hop upgrade, comma-separated ("caracal"): each hop must be a supported upgrade.</param>
/// <param name="Alternatives">Units nodes run in their alternative form, read from the nodes when the plan is made
/// ("ctl2:neutron-server ctl3:neutron-server", sorted; see <c>ServiceDefinition.Alternatives</c>); empty when none does
/// or the plan was made without reading the nodes.</param>
/// <param name="HypervisorUpgrades">Hypervisor-stack packages (catalog 'hypervisor-stack') with a newer candidate in the target
/// repository, per compute, read from the nodes when the plan is made ("cmp1:libvirt-daemon-system=11.3.0-3&gt;12.8.0-1 …",
/// sorted): such a compute is emptied first, the others upgraded in place. Empty when none moves or the plan was made
/// without reading the nodes.</param>
/// <param name="RollbackOf">See <see cref="IsRollback"/>.</param>
/// <param name="RunId">Names the run in reasons written to the cloud (compute disable reason); empty in saved plans until run.</param>
public sealed record PlanOptions(
    bool Drain = true,
    bool LiveMigrate = false,
    bool AllowInstances = false,
    bool Backup = true,
    string? VipHolder = null,
    int OnlineMigrationBatch = 1000,
    string Via = "",
    string RunId = "",
    string Alternatives = "",
    string RollbackOf = "",
    string HypervisorUpgrades = "")
{
    /// <summary>A rollback plan names the run it takes back: "PLAN-HASH REACHED-DIGEST" (the forward plan's inputs hash
    /// and a digest of the steps that run had reached); empty for an upgrade or update.</summary>
    public bool IsRollback => RollbackOf.Length > 0;

    /// <summary>"node:unit" pairs in the form <see cref="Alternatives"/> is written, sorted.</summary>
    public static string FormatAlternatives(IEnumerable<(string Node, string Unit)> pairs) =>
        string.Join(' ', pairs.Select(p => $"{p.Node}:{p.Unit}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>Node name → its hypervisor-stack packages that move, as "package from → to".</summary>
    public ILookup<string, HypervisorUpgrade> HypervisorUpgradesByNode() =>
        Planning.HypervisorUpgrade.Parse(HypervisorUpgrades).ToLookup(u => u.Node, StringComparer.Ordinal);

    /// <summary>Node name → the units it runs in their alternative form.</summary>
    public ILookup<string, string> AlternativesByNode() =>
        Alternatives.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':', 2))
            .ToLookup(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
