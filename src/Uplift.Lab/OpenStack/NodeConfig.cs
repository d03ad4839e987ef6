using System.Text.RegularExpressions;

namespace Uplift.Lab;

/// <summary>
/// The service configuration files of one node of a lab of real OpenStack code (OpenStack/etc/**, embedded), rendered
/// for the node: <c>{{node}}</c>, <c>{{address}}</c>, <c>{{vip}}</c>, the passwords, and <c>{{authtoken:USER}}</c> for a
/// keystone_authtoken section. Every node gets every file; each service reads its own. Pure.
/// </summary>
public static partial class NodeConfig
{
    private const string Prefix = "Uplift.Lab.OpenStack.etc/";

    /// <summary>Path under the node's /etc → rendered text.</summary>
    public static IReadOnlyDictionary<string, string> For(LabNode node, LabSecrets secrets) =>
        Templates.ToDictionary(t => t.Key, t => Render(t.Value, node, secrets));

    private static IReadOnlyDictionary<string, string> Templates { get; } = typeof(NodeConfig).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(n => n[Prefix.Length..], LabFiles.EmbeddedText);

    public static string Render(string template, LabNode node, LabSecrets secrets)
    {
        var values = new Dictionary<string, string>
        {
            ["node"] = node.Name,
            ["address"] = node.Address,
            ["vip"] = LabLayout.VipAddress,
            ["db_password"] = secrets.Database,
            ["rabbit_password"] = secrets.Rabbit,
            ["service_password"] = secrets.Service,
            ["rabbit_port"] = LabRabbitmq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Placeholder().Replace(template, m => m.Groups[1].Value == "authtoken"
            ? AuthToken(m.Groups[2].Value, secrets)
            : values.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new LabException($"unknown placeholder {m.Value} in a lab template"));
    }

    private static string AuthToken(string user, LabSecrets secrets) => $"""
        www_authenticate_uri = http://{LabLayout.VipAddress}:5000
        auth_url = http://{LabLayout.VipAddress}:5000
        auth_type = password
        project_domain_name = Default
        user_domain_name = Default
        project_name = service
        username = {user}
        password = {secrets.Service}
        """;

    [GeneratedRegex(@"\{\{(\w+)(?::(\w+))?\}\}")]
    private static partial Regex Placeholder();
}
