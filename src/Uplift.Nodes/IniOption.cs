using Uplift.Transports;

namespace Uplift.Nodes;

/// <summary>
/// Reads, sets and removes one option of an INI config file on a node (oslo.config files such as nova.conf), with
/// awk because it is on every Debian node. A set replaces every occurrence of the option in its section (adding
/// the section if missing); the file is rewritten in place (cat &gt;) so its owner and mode stay.
/// Values are passed with awk -v, which interprets backslash escapes: values with backslashes are refused.
/// </summary>
public static class IniOption
{
    // Tracks the current section; "key = value" lines split at the first '='.
    private const string Common =
        "function key(line,  k) { k = line; sub(/=.*/, \"\", k); gsub(/^[ \\t]+|[ \\t]+$/, \"\", k); return k } " +
        "function header(line,  h) { h = line; gsub(/^[ \\t]*\\[|\\][ \\t]*$/, \"\", h); return h } ";

    /// <summary>Prints the option's value and exits 0; exits 1 when it is not set, 2 when the file cannot be read.</summary>
    public static string Get(string file, string section, string option) =>
        Awk(section, option, null,
            Common +
            "/^[ \\t]*\\[/ { sec = header($0); next } " +
            "sec == s && /=/ && key($0) == o { v = $0; sub(/^[^=]*=[ \\t]*/, \"\", v); sub(/[ \\t]+$/, \"\", v); val = v; found = 1 } " +
            "END { if (found) print val; exit found ? 0 : 1 }") + " " + ShellQuote.Word(file);

    /// <summary>What <see cref="Get"/> gives when the option holds <paramref name="value"/>, for the node to judge; null
    /// for a value the node would read otherwise than Uplift (empty, or with blanks around it).</summary>
    public static DoneWhen? GetShows(string value) =>
        value.Length > 0 && value.Trim() == value ? new DoneWhen([0], [[value]]) : null;

    /// <summary>What <see cref="Get"/> gives when the option is not set.</summary>
    public static DoneWhen GetShowsUnset { get; } = new([1], []);

    public static string Set(string file, string section, string option, string value) =>
        Rewrite(file, Awk(section, option, value,
            Common +
            "function put() { if (insec && !done) { print o \" = \" v; done = 1 } } " +
            "/^[ \\t]*\\[/ { put(); insec = (header($0) == s); seen = seen || insec; print; next } " +
            "insec && /=/ && key($0) == o { put(); next } " +
            "{ print } " +
            "END { if (!done) { if (!seen) { print \"\"; print \"[\" s \"]\" } print o \" = \" v } }"));

    public static string Remove(string file, string section, string option) =>
        Rewrite(file, Awk(section, option, null,
            Common +
            "/^[ \\t]*\\[/ { insec = (header($0) == s); print; next } " +
            "insec && /=/ && key($0) == o { next } " +
            "{ print }"));

    private static string Awk(string section, string option, string? value, string program)
    {
        foreach (var text in new[] { section, option, value ?? "" })
        {
            if (text.Contains('\\') || text.Contains('\n'))
            {
                throw new ArgumentException($"INI setting [{section}] {option}: backslashes and newlines are not supported");
            }
        }
        var variables = "-v s=" + ShellQuote.Word(section) + " -v o=" + ShellQuote.Word(option) +
            (value is null ? "" : " -v v=" + ShellQuote.Word(value));
        return "awk " + variables + " " + ShellQuote.Word(program);
    }

    private static string Rewrite(string file, string awk)
    {
        var path = ShellQuote.Word(file);
        var temporary = ShellQuote.Word(file + ".uplift-new");
        return $"{awk} {path} > {temporary} && cat {temporary} > {path} && rm -f {temporary}";
    }
}
