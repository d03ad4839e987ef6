using System.Collections.Concurrent;

namespace Uplift.Diagnostics;

/// <summary>
/// The secret values this process has learned (clouds.yaml passwords and application-credential secrets, Keystone tokens),
/// so that masking finds them wherever they appear, not only after "password=": a pattern stops at a quote or a ';', the
/// value does not. Process-wide on purpose: a secret learned by one component must be hidden from every log and report.
/// </summary>
public static class KnownSecrets
{
    /// <summary>Shorter values are left to the patterns: masking every "abc" would garble ordinary output.</summary>
    public const int MinimumLength = 4;

    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);
    private static volatile string[] _longestFirst = [];

    public static void Add(string? value)
    {
        if (value is { Length: >= MinimumLength } && Values.TryAdd(value, 0))
        {
            _longestFirst = [.. Values.Keys.OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal)];
        }
    }

    /// <summary>The text with every known secret value replaced by <paramref name="mask"/> (longer values first).</summary>
    public static string Mask(string text, string mask)
    {
        foreach (var value in _longestFirst)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, mask, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
