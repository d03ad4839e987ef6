namespace Uplift.Inventory;

/// <summary>Pacemaker resources that float between controllers.</summary>
/// <param name="ApiVip">Resource holding the API virtual IP (located with <c>crm resource locate</c>).</param>
/// <param name="MessagingVip">Resource holding the messaging (RabbitMQ) VIP, if any.</param>
/// <param name="VipAddress">The API VIP address, used to check it really left a node in standby.</param>
public sealed record PacemakerSettings(string? ApiVip = null, string? MessagingVip = null, string? VipAddress = null)
{
    /// <summary>What <c>api_vip</c> says for a cluster whose API VIP no Pacemaker resource holds (keepalived, a fixed
    /// address, a load balancer of its own): the VIP holder is the one planned (<c>--vip-holder</c>, else the first
    /// controller) and no node is put in standby.</summary>
    public const string NoResource = "none";

    /// <summary>The inventory says no Pacemaker resource holds the API VIP.</summary>
    public bool NoApiVipResource { get; init; }

    /// <summary>The resource to locate and move, when Pacemaker holds the API VIP.</summary>
    public string? ApiVipResource => NoApiVipResource ? null : ApiVip;
}
