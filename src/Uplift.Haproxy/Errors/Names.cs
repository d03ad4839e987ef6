namespace Uplift.Haproxy;

internal static class Names
{
    public static string List(IReadOnlyList<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names);
}
