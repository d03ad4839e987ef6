using System.Text.Json;

namespace Uplift.Lab;

/// <summary>lab.json: what <c>up</c> built, so <c>status</c> and <c>down</c> find it again. Written before
/// anything is started, so <c>down</c> can remove a lab whose <c>up</c> failed half way.</summary>
/// <param name="CreatedPrivilegeSeparationDirectory">/run/sshd did not exist and the lab made it (down removes it).</param>
public sealed record LabDescription(LabOptions Options, bool CreatedPrivilegeSeparationDirectory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LabDescription? Read(string stateDirectory)
    {
        var file = new LabPaths(stateDirectory).Description;
        return File.Exists(file) ? JsonSerializer.Deserialize<LabDescription>(File.ReadAllText(file), Json) : null;
    }
}
