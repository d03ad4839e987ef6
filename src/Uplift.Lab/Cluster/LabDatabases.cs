namespace Uplift.Lab;

/// <summary>The OpenStack database schemas the lab holds (the upstream install guides' default names),
/// with the service that owns each and a few tables filled for backup tests.</summary>
public static class LabDatabases
{
    public static IReadOnlyList<(string Schema, string Service, string[] Tables)> Schemas { get; } =
    [
        ("keystone", "keystone", ["project", "user", "assignment"]),
        ("glance", "glance", ["images", "image_properties"]),
        ("placement", "placement", ["resource_providers", "allocations"]),
        ("nova_api", "nova", ["cell_mappings", "flavors"]),
        ("nova", "nova", ["instances", "services"]),
        ("neutron", "neutron", ["networks", "ports"]),
        ("cinder", "cinder", ["volumes", "services"]),
        ("heat", "heat", ["stack", "resource"]),
    ];

    /// <summary>SQL that creates the schemas with rows; run once by <c>lab up</c>.</summary>
    public static string SeedSql(int rowsPerTable)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var (schema, _, tables) in Schemas)
        {
            sql.AppendLine($"CREATE DATABASE IF NOT EXISTS `{schema}`;");
            foreach (var table in tables)
            {
                sql.AppendLine($"CREATE TABLE `{schema}`.`{table}` (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL DEFAULT '2026-01-01 00:00:00') ENGINE=InnoDB;");
                var rows = Enumerable.Range(1, rowsPerTable).Select(i => $"('{table}-{i}')");
                sql.AppendLine($"INSERT INTO `{schema}`.`{table}` (name) VALUES {string.Join(", ", rows)};");
            }
        }
        return sql.ToString();
    }
}
