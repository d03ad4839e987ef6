namespace Uplift.Haproxy;

/// <summary>
/// HAProxy refused a command, or could not be asked. Carries the exact text HAProxy answered, the command,
/// the socket, and the backend and server concerned, so the message says what, where and what to do.
/// </summary>
public class HaproxyException : Exception
{
    public HaproxyException(string summary, string location, string command, string? haproxyText = null,
        string? backend = null, string? server = null, string? hint = null, Exception? inner = null)
        : base(Compose(summary, location, command, haproxyText, hint), inner)
    {
        Location = location;
        Command = command;
        HaproxyText = haproxyText;
        Backend = backend;
        Server = server;
        Hint = hint;
    }

    /// <summary>The admin socket (path, host:port or node:path).</summary>
    public string Location { get; }

    /// <summary>The command sent, exactly.</summary>
    public string Command { get; }

    /// <summary>HAProxy's reply (trimmed), or null when HAProxy was not reached.</summary>
    public string? HaproxyText { get; }

    public string? Backend { get; }

    public string? Server { get; }

    /// <summary>What the operator can do about it.</summary>
    public string? Hint { get; }

    private static string Compose(string summary, string location, string command, string? text, string? hint)
    {
        var said = text is null ? "" : $": HAProxy said \"{text}\"";
        var todo = hint is null ? "" : $" ({hint})";
        return $"{summary} [{location}, '{command}']{said}{todo}";
    }
}
