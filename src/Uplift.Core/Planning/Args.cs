namespace Uplift.Planning;

/// <summary>Builds a step's ordered argument list: <c>Args.Of(("backend", "novabe"), ("server", "ctl1"))</c>.</summary>
internal static class Args
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null)
             .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))
             .ToArray();
}
