using System.Text.Json;

namespace Uplift.Planning;

/// <summary>The "inputs" object of a plan file.</summary>
internal static class PlanInputsJson
{
    public static void Write(Utf8JsonWriter json, PlanInputs inputs)
    {
        json.WriteStartObject("inputs");
        json.WriteString("inventory_file", inputs.InventoryFile);
        json.WriteString("inventory_sha256", inputs.InventoryHash);
        json.WriteString("catalog_version", inputs.CatalogVersion);
        json.WriteString("catalog_sha256", inputs.CatalogHash);
        json.WriteString("tool_version", inputs.ToolVersion);
        json.WriteString("from", inputs.From);
        json.WriteString("to", inputs.To);
        var o = inputs.Options;
        json.WriteStartObject("options");
        json.WriteBoolean("drain", o.Drain);
        json.WriteBoolean("live_migrate", o.LiveMigrate);
        json.WriteBoolean("allow_instances", o.AllowInstances);
        json.WriteBoolean("backup", o.Backup);
        if (o.VipHolder is not null)
        {
            json.WriteString("vip_holder", o.VipHolder);
        }
        json.WriteNumber("online_migration_batch", o.OnlineMigrationBatch);
        json.WriteString("via", o.Via);
        json.WriteString("run_id", o.RunId);
        if (o.Alternatives.Length > 0)
        {
            json.WriteString("alternatives", o.Alternatives);
        }
        if (o.IsRollback)
        {
            json.WriteString("rollback_of", o.RollbackOf);
        }
        if (o.HypervisorUpgrades.Length > 0)
        {
            json.WriteString("hypervisor_upgrades", o.HypervisorUpgrades);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static PlanInputs Read(JsonElementReader inputs)
    {
        var o = inputs.Object("options");
        return new PlanInputs(
            inputs.String("inventory_file"),
            inputs.String("inventory_sha256"),
            inputs.String("catalog_version"),
            inputs.String("catalog_sha256"),
            inputs.String("tool_version"),
            inputs.String("from"),
            inputs.String("to"),
            new PlanOptions(
                o.Bool("drain"),
                o.Bool("live_migrate"),
                o.Bool("allow_instances"),
                o.Bool("backup"),
                o.OptionalString("vip_holder"),
                o.Int("online_migration_batch"),
                o.String("via"),
                o.String("run_id"),
                o.OptionalString("alternatives") ?? "",
                o.OptionalString("rollback_of") ?? "",
                o.OptionalString("hypervisor_upgrades") ?? ""));
    }
}
