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

    /// <summary>Loads the cloud <paramref name="cloudName"/> (e.g. from --os-cloud), or OS_CLOUD's when null, and then
    /// <paramref name="defaultCloud"/> (the inventory's); from OS_CLIENT_CONFIG_FILE, else <paramref name="defaultFile"/>
    /// (the inventory's), else the usual places.</summary>
    public CloudConfig Load(string? cloudName = null, string? defaultFile = null, string? defaultCloud = null)
    {
        var name = cloudName ?? environment("OS_CLOUD") ?? defaultCloud;
        var cloudsFile = environment("OS_CLIENT_CONFIG_FILE") is { Length: > 0 } ? Find("OS_CLIENT_CONFIG_FILE", "clouds")
            : defaultFile is not null ? (File.Exists(defaultFile) ? defaultFile
                : throw new InputException($"the inventory's openstack.clouds_yaml names {defaultFile}, which does not exist", null, "fix the path, or remove it to use the usual places"))
            : Find("OS_CLIENT_CONFIG_FILE", "clouds");
        if (cloudsFile is null)
        {
            throw new InputException("no clouds.yaml found", null,
                $"looked in {string.Join(", ", directories)}; create one (see docs/openstack-api.md), set OS_CLIENT_CONFIG_FILE, or name it in the inventory (openstack: {{clouds_yaml: FILE, cloud: NAME}})");
        }
        if (string.IsNullOrEmpty(name))
        {
            throw new InputException("no cloud chosen", new SourceLocation(cloudsFile), "set OS_CLOUD, pass --os-cloud NAME, or name it in the inventory (openstack: {cloud: NAME})");
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
