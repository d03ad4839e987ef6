namespace Uplift.Inventory;

/// <summary>Pacemaker resources that float between controllers.</summary>
/// <param name="ApiVip">Resource holding the API virtual IP (located with <c>crm resource locate</c>).</param>
/// <param name="MessagingVip">Resource holding the messaging (RabbitMQ) VIP, if any.</param>
/// <param name="VipAddress">The API VIP address, used to check it really left a node in standby.</param>
public sealed record PacemakerSettings(string? ApiVip = null, string? MessagingVip = null, string? VipAddress = null);
