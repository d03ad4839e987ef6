namespace Uplift.Transports;

/// <summary>POSIX shell quoting: turns any text into one word that /bin/sh reads back unchanged.</summary>
public static class ShellWords
{
    /// <summary>Single-quotes <paramref name="text"/>; a single quote inside becomes <c>'\''</c>.</summary>
    public static string Quote(string text)
    {
        if (text.Length > 0 && text.All(IsPlain))
        {
            return text;
        }
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '+' or '@' or '%';
}
