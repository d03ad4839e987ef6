namespace Uplift.Haproxy;

/// <summary>
/// Rows of a reply, addressed by header name (never by position: HAProxy adds and moves columns between
/// versions). A header "name[N]" spans N values (show servers conn's idle_per_thr[threads]); extra values go unnamed.
/// </summary>
internal sealed class ReplyTable
{
    private readonly string[] _names;
    private readonly int[] _starts;
    private readonly int[] _widths;

    public ReplyTable(IReadOnlyList<string> header)
    {
        _names = [.. header];
        _starts = new int[header.Count];
        _widths = new int[header.Count];
        var at = 0;
        for (var i = 0; i < header.Count; i++)
        {
            _starts[i] = at;
            _widths[i] = Span(header[i]);
            at += _widths[i];
        }
    }

    /// <summary>
    /// The rows below the "# name name …" header at <paramref name="lines"/>[<paramref name="header"/>], each split
    /// as the header is; later '#' lines are comments (no proxy name starts with '#').
    /// </summary>
    /// <exception cref="FormatException">The header lacks one of the <paramref name="required"/> columns.</exception>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows(
        string reply, string[] lines, int header, Func<string, IReadOnlyList<string>> split, params string[] required)
    {
        var table = new ReplyTable(split(lines[header][2..]));
        Fields.Require(table, reply, required);
        return lines.Skip(header + 1).Where(l => !l.StartsWith('#')).Select(l => table.Read(split(l)));
    }

    public bool Has(string name) => Array.IndexOf(_names, name) >= 0;

    /// <summary>The row's values by column name; columns missing at the end of a short row are left out.</summary>
    public IReadOnlyDictionary<string, string> Read(IReadOnlyList<string> values)
    {
        var fields = new Dictionary<string, string>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i].Length == 0 || _starts[i] >= values.Count || fields.ContainsKey(_names[i]))
            {
                continue;
            }
            var count = Math.Min(_widths[i], values.Count - _starts[i]);
            fields[_names[i]] = count == 1 ? values[_starts[i]] : string.Join(' ', values.Skip(_starts[i]).Take(count));
        }
        return fields;
    }

    private static int Span(string name)
    {
        var open = name.LastIndexOf('[');
        return open > 0 && name.EndsWith(']') && int.TryParse(name[(open + 1)..^1], out var n) && n > 0 ? n : 1;
    }
}
