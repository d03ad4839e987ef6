using System.Security.Cryptography;
using System.Text.Json;

namespace Uplift.Lab;

/// <summary>The passwords of a lab of real OpenStack code: the services' MariaDB accounts, RabbitMQ's, the service users'
/// in keystone, keystone's admin. Random per lab, kept in a root-only file; they appear in the nodes' service
/// configuration files as on a real cloud, never on a command line.</summary>
public sealed record LabSecrets(string Database, string Rabbit, string Service, string Admin)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static LabSecrets New() => new(Random(), Random(), Random(), Random());

    public void Save(string file)
    {
        File.WriteAllText(file, JsonSerializer.Serialize(this, Json));
        FileModes.Set(file, FileModes.Private);
    }

    public static LabSecrets Load(string file) =>
        JsonSerializer.Deserialize<LabSecrets>(File.ReadAllText(file), Json) ?? throw new LabException($"{file} holds no lab secrets");

    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
