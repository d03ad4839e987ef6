namespace Uplift.Tests.OpenStack;

/// <summary>A request the local server received, as the test inspects it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{Query}";
}
