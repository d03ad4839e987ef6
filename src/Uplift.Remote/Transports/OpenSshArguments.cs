using System.Globalization;
using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>
/// The ssh command lines the transport runs (pure). Options given with -o win over the user's ssh config
/// (ssh_config(5): the first value obtained is used), so only what Uplift needs is set; everything else
/// (ciphers, agent, Host blocks) still comes from the user's config or the inventory's ssh.config_file.
/// </summary>
public static class OpenSshArguments
{
    /// <summary>Arguments that run <paramref name="remoteLine"/> on the destination through the node's master connection.</summary>
    public static IReadOnlyList<string> ForCommand(
        SshSettings settings, OpenSshOptions options, SshDestination destination, string controlPath, bool closeInput, string remoteLine)
    {
        var arguments = Connection(settings, options, destination, controlPath);
        arguments.Add("-T");
        if (closeInput)
        {
            arguments.Add("-n");
        }
        arguments.Add("--");
        arguments.Add(destination.Host);
        arguments.Add(remoteLine);
        return arguments;
    }

    /// <summary>Arguments that send a control request (<c>check</c>, <c>exit</c>) to the destination's master.</summary>
    public static IReadOnlyList<string> ForControl(
        SshSettings settings, OpenSshOptions options, SshDestination destination, string controlPath, string request)
    {
        var arguments = Connection(settings, options, destination, controlPath);
        arguments.Add("-O");
        arguments.Add(request);
        arguments.Add("--");
        arguments.Add(destination.Host);
        return arguments;
    }

    private static List<string> Connection(SshSettings settings, OpenSshOptions options, SshDestination destination, string controlPath)
    {
        var arguments = new List<string>();
        if (settings.ConfigFile is not null)
        {
            arguments.AddRange(["-F", HomePath(settings.ConfigFile)]);
        }
        Option(arguments, "BatchMode", "yes");
        Option(arguments, "StrictHostKeyChecking", settings.StrictHostKeyChecking && !options.AcceptNewHostKeys ? "yes" : "accept-new");
        if (settings.KnownHostsFile is not null)
        {
            Option(arguments, "UserKnownHostsFile", PathValue(settings.KnownHostsFile));
        }
        Option(arguments, "ConnectTimeout", settings.ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        Option(arguments, "ServerAliveInterval", WholeSeconds(options.AliveInterval));
        Option(arguments, "ServerAliveCountMax", "3");
        Option(arguments, "ControlMaster", "auto");
        Option(arguments, "ControlPersist", WholeSeconds(options.Persist));
        Option(arguments, "ControlPath", PathValue(controlPath));
        // Errors only: "Warning: Permanently added …" would otherwise land in every first command's stderr.
        Option(arguments, "LogLevel", "ERROR");
        if (settings.IdentityFile is not null)
        {
            arguments.AddRange(["-i", HomePath(settings.IdentityFile)]);
            Option(arguments, "IdentitiesOnly", "yes");
        }
        if (settings.JumpHost is not null)
        {
            arguments.AddRange(["-J", settings.JumpHost]);
        }
        arguments.AddRange(["-p", destination.Port.ToString(CultureInfo.InvariantCulture), "-l", destination.User]);
        return arguments;
    }

    private static void Option(List<string> arguments, string name, string value) => arguments.AddRange(["-o", $"{name}={value}"]);

    // -o values are read like ssh_config lines: % starts a token and a space separates values, so escape and quote.
    private static string PathValue(string path)
    {
        var escaped = path.Replace("%", "%%", StringComparison.Ordinal);
        return escaped.Contains(' ', StringComparison.Ordinal) ? $"\"{escaped}\"" : escaped;
    }

    // ssh expands ~ in -i and in -o paths but not in -F (ssh.c reads that file name as given).
    /// <summary>The identity file of <paramref name="settings"/> (~ expanded) when it names no readable file; null when it
    /// does or none is set.</summary>
    public static string? MissingIdentity(SshSettings settings)
    {
        if (settings.IdentityFile is not { } identity)
        {
            return null;
        }
        var path = HomePath(identity);
        try
        {
            using var key = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    private static string HomePath(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? Path.Combine(home, path[2..])
            : path;

    private static string WholeSeconds(TimeSpan span) =>
        Math.Max(1, (long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
