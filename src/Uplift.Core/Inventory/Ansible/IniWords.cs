using System.Text;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Splits an INI inventory line into words as Ansible does (shell-like: quotes group, a backslash escapes,
/// an unquoted '#' at the start of a word begins a comment).
/// </summary>
internal static class IniWords
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }
            if (c == '#' && !inWord)
            {
                break;
            }
            inWord = true;
            if (c is '"' or '\'')
            {
                var end = line.IndexOf(c, i + 1);
                while (c == '"' && end > 0 && line[end - 1] == '\\')
                {
                    end = line.IndexOf(c, end + 1);
                }
                if (end < 0)
                {
                    throw new FormatException($"the quote {c} opened at column {i + 1} is never closed");
                }
                var quoted = line[(i + 1)..end];
                word.Append(c == '"' ? quoted.Replace("\\\"", "\"", StringComparison.Ordinal) : quoted);
                i = end;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else
            {
                word.Append(c);
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }
}
