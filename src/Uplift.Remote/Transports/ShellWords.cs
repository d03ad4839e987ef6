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

    /// <summary>Splits words <see cref="Quote"/> wrote, separated by spaces, back into their texts; null for other text
    /// (an unquoted special character, an unclosed quote).</summary>
    public static IReadOnlyList<string>? Split(string words)
    {
        var texts = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < words.Length; i++)
        {
            var c = words[i];
            if (c == ' ')
            {
                if (inWord)
                {
                    texts.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < words.Length && words[i + 1] == '\'')
            {
                word.Append('\'');
                i++;
            }
            else if (c == '\'')
            {
                var close = words.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    return null;
                }
                word.Append(words, i + 1, close - i - 1);
                i = close;
            }
            else if (IsPlain(c))
            {
                word.Append(c);
            }
            else
            {
                return null;
            }
        }
        if (inWord)
        {
            texts.Add(word.ToString());
        }
        return texts;
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '+' or '@' or '%';
}
