namespace Uplift.Lab;

/// <summary>What the lab needs on this machine: root, and Debian packages (scripts/setup installs them).</summary>
public static class Prerequisites
{
    /// <summary>The Debian packages whose programs the lab runs.</summary>
    public static IReadOnlyList<string> Packages { get; } =
        ["openssh-server", "openssh-client", "haproxy", "socat", "mariadb-server", "mariadb-client", "python3", "libcap2-bin"];

    /// <summary>What a lab of real OpenStack code needs besides: its RabbitMQ, mmdebstrap for the root tree, dpkg-scanpackages for its mirror.</summary>
    public static IReadOnlyList<string> OpenStackPackages { get; } = ["rabbitmq-server", "mmdebstrap", "util-linux", "dpkg-dev"];

    /// <summary>Throws with every missing piece named, or returns when the lab can be built.</summary>
    public static async Task CheckAsync(bool openstack = false, CancellationToken cancel = default)
    {
        IReadOnlyList<string> packages = openstack ? [.. Packages, .. OpenStackPackages] : Packages;
        if (!Environment.IsPrivilegedProcess)
        {
            throw new LabException("the lab needs root (it starts sshd, haproxy and MariaDB and creates the uplift-lab account): run it with sudo");
        }
        var result = await LocalProgram.RunAsync("dpkg-query", ["-W", "-f=${Package} ${db:Status-Abbrev}\n", .. packages], cancel: cancel);
        var missing = Missing(result.Output, packages);
        if (missing.Count > 0)
        {
            throw new LabException($"missing Debian packages: {string.Join(", ", missing)}; run scripts/setup (as root) to install them");
        }
    }

    /// <summary>Packages of <see cref="Packages"/> not reported installed ("ii") in dpkg-query output.</summary>
    public static IReadOnlyList<string> Missing(string dpkgQueryOutput) => Missing(dpkgQueryOutput, Packages);

    private static IReadOnlyList<string> Missing(string dpkgQueryOutput, IReadOnlyList<string> packages)
    {
        var installed = dpkgQueryOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("ii", StringComparison.Ordinal))
            .Select(parts => parts[0])
            .ToHashSet();
        return [.. packages.Where(p => !installed.Contains(p))];
    }
}
