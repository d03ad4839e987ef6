using Uplift.Diagnostics;

namespace Uplift.OpenStack;

/// <summary>
/// Finds clouds.yaml and secure.yaml where openstacksdk looks for them: the current directory,
/// ~/.config/openstack, /etc/openstack (first found wins), unless OS_CLIENT_CONFIG_FILE /
/// OS_CLIENT_SECURE_FILE name a file; picks the cloud named explicitly, else by OS_CLOUD.
/// The environment and directories are injected so tests need not touch the real ones.
/// </summary>
public sealed class CloudsFileSearch(Func<string, string?> environment, IReadOnlyList<string> directories)
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>The search of the running process: its environment, working directory and home.</summary>
    public static CloudsFileSearch ForProcess() => new(
        Environment.GetEnvironmentVariable,
        [
            Directory.GetCurrentDirectory(),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "openstack"),
            "/etc/openstack",
        ]);

    /// <summary>Loads the cloud <paramref name="cloudName"/> (e.g. from --os-cloud), or OS_CLOUD's when null.</summary>
    public CloudConfig Load(string? cloudName = null)
    {
        var name = cloudName ?? environment("OS_CLOUD");
        var cloudsFile = Find("OS_CLIENT_CONFIG_FILE", "clouds");
        if (cloudsFile is null)
        {
            throw new InputException("no clouds.yaml found", null,
                $"looked in {string.Join(", ", directories)}; create one (see docs/openstack-api.md) or set OS_CLIENT_CONFIG_FILE");
        }
        if (string.IsNullOrEmpty(name))
        {
            throw new InputException("no cloud chosen", new SourceLocation(cloudsFile), "set OS_CLOUD or pass --os-cloud NAME");
        }
        var secureFile = Find("OS_CLIENT_SECURE_FILE", "secure");
        return CloudsYaml.Parse(File.ReadAllText(cloudsFile), cloudsFile, name,
            secureFile is null ? null : File.ReadAllText(secureFile), secureFile);
    }

    private string? Find(string overrideVariable, string baseName)
    {
        if (environment(overrideVariable) is { Length: > 0 } named)
        {
            return File.Exists(named)
                ? named
                : throw new InputException($"{overrideVariable} names {named}, which does not exist", null, $"fix or unset {overrideVariable}");
        }
        return directories
            .SelectMany(dir => Extensions.Select(ext => Path.Combine(dir, baseName + ext)))
            .FirstOrDefault(File.Exists);
    }
}
