namespace Uplift.Haproxy;

/// <summary>A reply that does not have the shape its command documents (missing header or column).</summary>
public sealed class UnexpectedReplyException(string location, string command, string problem, string haproxyText)
    : HaproxyException($"unexpected reply: {problem}", location, command, Shorten(haproxyText),
        hint: "is this an HAProxy admin socket? compare the output with doc/management.txt of its version")
{
    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
