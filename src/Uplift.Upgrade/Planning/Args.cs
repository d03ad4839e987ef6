namespace Uplift.Upgrade.Planning;

/// <summary>Builds a step's ordered argument list: <c>Args.Of(("backend", "novabe"), ("server", "ctl1"))</c>.</summary>
internal static class Args
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(params (string Key, string? Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, string>>(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                list.Add(new(key, value));
            }
        }
        return list.ToArray();
    }
}
