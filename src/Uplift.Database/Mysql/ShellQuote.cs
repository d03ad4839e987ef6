namespace Uplift.Database;

/// <summary>Quotes words for /bin/sh on the node.</summary>
internal static class ShellQuote
{
    /// <summary>One word, single-quoted unless it only holds characters the shell leaves alone.</summary>
    public static string Word(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_-./=:,@%+".Contains(c)))
        {
            return value;
        }
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
