namespace Uplift.OpenStack;

/// <summary>Builds "?a=1&amp;b=2" from the parameters that have a value, escaped.</summary>
internal static class QueryString
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
