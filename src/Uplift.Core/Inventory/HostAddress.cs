using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Uplift.Inventory;

/// <summary>What SSH can connect to: an IPv4/IPv6 address or a DNS host name (RFC 1123 labels).</summary>
internal static partial class HostAddress
{
    public static bool IsValid(string text) =>
        IPAddress.TryParse(text, out var ip)
            ? ip.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3
            : text.Length <= 253 && HostName().IsMatch(text) && !AllNumeric().IsMatch(text);

    /// <summary>Names of nodes and clusters appear in step ids, file names and HAProxy server names.</summary>
    public static bool IsValidName(string text) => Name().IsMatch(text);

    public const string NameRule = "letters, digits, '.', '_' and '-', starting with a letter or digit";

    /// <summary>A login name ssh gets with -l: letters, digits, '.', '_', '-', '@' (directory users), a trailing '$';
    /// never a leading '-' or a space, so it can never read as one of ssh's options.</summary>
    public static bool IsValidUser(string text) => User().IsMatch(text);

    public const string UserRule = "a login name: letters, digits, '.', '_', '-' and '@', not starting with '-', no spaces";

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._@-]*\$?$")]
    private static partial Regex User();

    [GeneratedRegex(@"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$")]
    private static partial Regex HostName();

    // "10.0.0" parses as an IP for .NET but is a typo, not a host name.
    [GeneratedRegex(@"^[0-9.]+$")]
    private static partial Regex AllNumeric();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Name();
}
