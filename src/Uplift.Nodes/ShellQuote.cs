using Uplift.Transports;

namespace Uplift.Nodes;

/// <summary>Quotes words for the node's /bin/sh (through the transport's <see cref="ShellWords"/>) and splits list arguments.</summary>
public static class ShellQuote
{
    public static string Word(string word) => ShellWords.Quote(word);

    public static string Words(IEnumerable<string> words) => string.Join(' ', words.Select(ShellWords.Quote));

    /// <summary>Splits a space-separated step argument ("packages", "units") into words.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        list is null ? [] : list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
