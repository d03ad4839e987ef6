using Uplift.Inventory;

namespace Uplift.Lab;

/// <summary>What runs where in a lab of real OpenStack code, and how each service's schemas are made. Pure.</summary>
public static class OpenStackNodes
{
    /// <summary>The units started on a node of <paramref name="role"/>, in start order: Debian's unit names.</summary>
    public static IReadOnlyList<string> Units(Role role) => role switch
    {
        Role.Controller =>
        [
            "keystone", "glance-api", "placement-api", "nova-conductor", "nova-scheduler", "nova-api-metadata", "nova-api",
            "neutron-rpc-server", "neutron-api", "cinder-scheduler", "cinder-api", "heat-engine", "heat-api-cfn", "heat-api",
        ],
        Role.Compute => ["nova-compute"],
        Role.Volume => ["cinder-volume"],
        _ => [],
    };

    /// <summary>The OpenStack packages a node of <paramref name="role"/> keeps, Debian's names (the base tree holds every
    /// role's: the others are purged from the node's own tree, as a compute of a real cloud has no nova-api).</summary>
    public static IReadOnlyList<string> Packages(Role role) => role switch
    {
        Role.Controller =>
        [
            "keystone", "glance-api", "placement-api", "nova-api", "nova-conductor", "nova-scheduler", "neutron-api", "neutron-rpc-server",
            "cinder-api", "cinder-scheduler", "heat-api", "heat-api-cfn", "heat-engine",
        ],
        Role.Compute => ["nova-compute", "nova-compute-kvm"],
        Role.Volume => ["cinder-volume"],
        _ => [],
    };

    /// <summary>The base tree's service packages a node of <paramref name="role"/> does not keep.</summary>
    public static IReadOnlyList<string> Purged(Role role) =>
        [.. RootTree.Packages.Append("nova-compute-kvm").Where(p => !RootTree.Common.Contains(p) && !Packages(role).Contains(p))];

    /// <summary>What leaves a node of <paramref name="role"/> with its role's packages and what they need only: the others
    /// purged and, with them, what only they pulled in (a compute keeps nova-compute's dependencies, not cinder's or
    /// neutron's Python code, as a compute of a real cloud installed with nova-compute alone). Upgrading the Python stack
    /// to forky's, dpkg unpacks 276 packages on such a compute, 746 on a node that kept the whole tree's (2 min 29 s
    /// instead of 4 min 58 s, measured alone on 2026-12-07).</summary>
    public static string PurgeCommand(Role role) =>
        "DEBIAN_FRONTEND=noninteractive apt-get -q -y purge --autoremove " + string.Join(' ', Purged(role));

    /// <summary>The schemas the lab's MariaDB holds and the service account that owns each.</summary>
    public static IReadOnlyList<(string Schema, string Account)> Schemas { get; } =
    [
        ("keystone", "keystone"), ("glance", "glance"), ("placement", "placement"), ("nova_api", "nova"), ("nova", "nova"),
        ("nova_cell0", "nova"), ("neutron", "neutron"), ("cinder", "cinder"), ("heat", "heat"),
    ];

    /// <summary>Each service's schema creation, as its install guide orders it, run on the first controller as the service's account.</summary>
    /// <remarks>map_cell0 names no connection: nova derives nova_cell0 from [database]/connection (nova-manage docs).</remarks>
    public static IReadOnlyList<(string Account, string Command)> SchemaSync { get; } =
    [
        ("keystone", "keystone-manage db_sync"),
        ("glance", "glance-manage db_sync"),
        ("placement", "placement-manage db sync"),
        ("nova", "nova-manage api_db sync"),
        ("nova", "nova-manage cell_v2 map_cell0"),
        ("nova", "nova-manage cell_v2 list_cells | grep -q ' cell1 ' || nova-manage cell_v2 create_cell --name cell1"),
        ("nova", "nova-manage db sync"),
        ("neutron", "neutron-db-manage --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads"),
        ("cinder", "cinder-manage db sync"),
        ("heat", "heat-manage db_sync"),
    ];

    /// <summary>SQL creating the schemas and the services' accounts (fed to MariaDB on stdin).</summary>
    public static string DatabaseSql(LabSecrets secrets) => string.Join('\n',
        Schemas.Select(s => $"CREATE DATABASE IF NOT EXISTS {s.Schema};")
            .Concat(Schemas.Select(s => s.Account).Distinct().SelectMany(a => new[]
            {
                $"CREATE USER IF NOT EXISTS '{a}'@'127.%' IDENTIFIED BY '{secrets.Database}';",
                $"CREATE USER IF NOT EXISTS '{a}'@'localhost' IDENTIFIED BY '{secrets.Database}';",
            }))
            .Concat(Schemas.SelectMany(s => new[]
            {
                $"GRANT ALL PRIVILEGES ON {s.Schema}.* TO '{s.Account}'@'127.%';",
                $"GRANT ALL PRIVILEGES ON {s.Schema}.* TO '{s.Account}'@'localhost';",
            }))) + "\n";
}
