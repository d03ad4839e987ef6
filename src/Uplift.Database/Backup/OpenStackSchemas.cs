namespace Uplift.Database;

/// <summary>Which schemas on the database server belong to OpenStack and get backed up.</summary>
public static class OpenStackSchemas
{
    /// <summary>
    /// Schema names the install guides create (docs.openstack.org/install-guide, per service "Prerequisites":
    /// CREATE DATABASE keystone; … nova_api, nova_cell0 …). Names the operator adds come on top.
    /// </summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "keystone", "glance", "placement", "nova", "nova_api", "nova_cell0", "neutron", "cinder",
        "heat", "barbican", "designate", "octavia", "manila", "ironic", "aodh", "gnocchi", "magnum",
        "trove", "watcher", "masakari", "cloudkitty", "mistral", "zaqar", "senlin", "panko",
    ];

    /// <summary>
    /// The schemas to dump: <paramref name="requested"/> when given (each must be present), otherwise the known and
    /// <paramref name="extra"/> names that are present, in the server's order.
    /// </summary>
    /// <exception cref="ArgumentException">A requested schema is not on the server; the message lists those that are.</exception>
    public static IReadOnlyList<string> Select(
        IReadOnlyList<string> present, IReadOnlyList<string>? requested = null, IReadOnlyList<string>? extra = null)
    {
        if (requested is { Count: > 0 })
        {
            var missing = requested.Where(r => !present.Contains(r, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException(
                    $"schema(s) {string.Join(", ", missing)} not found on the server; OpenStack schemas present: "
                    + string.Join(", ", Select(present, null, extra).DefaultIfEmpty("none")));
            }
            return requested.Distinct(StringComparer.Ordinal).ToList();
        }
        var wanted = Known.Concat(extra ?? []).ToHashSet(StringComparer.Ordinal);
        return present.Where(wanted.Contains).ToList();
    }
}
