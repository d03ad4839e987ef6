using System.Globalization;
using System.Text;

namespace Uplift.Diagnostics;

/// <summary>
/// Text from input files shown on a terminal: control characters (an ESC that would recolour or move the cursor, a
/// carriage return that would overwrite the line) become visible escapes such as \x1b; line breaks between lines stay.
/// </summary>
public static class Printable
{
    public static string Of(string text) => Escaped(text, IsControl);

    /// <summary>Text that must stay one line (a diagnostic): its line breaks are escaped too (\x0a).</summary>
    public static string Line(string text) => Escaped(text, c => c == '\n' || IsControl(c));

    private static string Escaped(string text, Func<char, bool> escape)
    {
        if (!text.Any(escape))
        {
            return text;
        }
        var printable = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            printable.Append(escape(c) ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : c);
        }
        return printable.ToString();
    }

    private static bool IsControl(char c) => c != '\n' && (char.IsControl(c) || c is '\u2028' or '\u2029');
}
