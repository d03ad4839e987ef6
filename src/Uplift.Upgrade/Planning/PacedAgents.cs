using Uplift.Catalog;

namespace Uplift.Upgrade.Planning;

/// <summary>The service whose agents restart paced wherever they run (network nodes, computes): neutron, whose agents
/// resync their state over RabbitMQ on start.</summary>
internal static class PacedAgents
{
    public const string Service = "neutron";

    public static bool Are(ServiceDefinition service) => service.Name == Service;
}
