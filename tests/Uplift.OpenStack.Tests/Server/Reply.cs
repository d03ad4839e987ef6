namespace Uplift.Tests.OpenStack;

/// <summary>What the local server answers: status, body and extra headers.</summary>
public sealed record Reply(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Json(string body, int status = 200) => new(status, body);
}
