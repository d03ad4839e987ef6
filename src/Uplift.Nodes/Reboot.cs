namespace Uplift.Nodes;

/// <summary>
/// Whether a node needs a reboot, and the commands of one. Debian's convention: a package that needs one (a kernel, a
/// library the kernel module of OVS pairs with) leaves /run/reboot-required; a kernel newer than the running one in
/// /boot needs one too. The boot id (/proc/sys/kernel/random/boot_id) changes at each boot: it tells a node back from
/// its reboot from one that never went. Build commands and read outputs only.
/// </summary>
public static class Reboot
{
    public const string BootId = "cat /proc/sys/kernel/random/boot_id";

    /// <summary>Prints the boot id, then "required: WHY" or "not-required".</summary>
    public const string Query = BootId + "; " +
        "k=$(ls /boot/vmlinuz-* 2>/dev/null | sed 's|^/boot/vmlinuz-||' | sort -V | tail -n 1); " +
        "if [ -e /run/reboot-required ]; then echo \"required: /run/reboot-required ($(cat /run/reboot-required.pkgs 2>/dev/null | tr '\\n' ' '))\"; " +
        "elif [ -n \"$k\" ] && [ \"$k\" != \"$(uname -r)\" ]; then echo \"required: kernel $k installed, $(uname -r) running\"; " +
        "else echo not-required; fi";

    /// <summary>Reboots a moment after the command returns, so its answer comes back before the connection drops.</summary>
    public const string Start = "nohup sh -c 'sleep 2; systemctl reboot' >/dev/null 2>&1 &";

    /// <summary>Waits until boot finished; prints running (exit 0) or degraded (a unit failed) or another state.</summary>
    public const string WaitUntilBooted = "systemctl is-system-running --wait";

    public const string FailedUnits = "systemctl list-units --failed --plain --no-legend --no-pager";

    /// <summary>Reads <see cref="Query"/>: the boot id, and why a reboot is needed (null when it is not).</summary>
    /// <exception cref="FormatException">Not what <see cref="Query"/> prints.</exception>
    public static (string BootId, string? Why) Read(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 2 || !Guid.TryParse(lines[0], out _))
        {
            throw new FormatException($"the reboot query printed '{output.Trim()}', not a boot id and whether a reboot is required");
        }
        return lines[1] switch
        {
            "not-required" => (lines[0], null),
            var required when required.StartsWith("required: ", StringComparison.Ordinal) => (lines[0], required["required: ".Length..].Trim()),
            _ => throw new FormatException($"the reboot query printed '{lines[1]}', not required or not-required"),
        };
    }
}
