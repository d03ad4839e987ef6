using System.Text.RegularExpressions;

namespace Uplift.Execution.Journal;

/// <summary>
/// Hides secrets in command lines and outputs before they reach the journal, a log or the console:
/// key=value and key: value pairs (password, token, secret, OS_PASSWORD, application_credential_secret …, also
/// quoted as in JSON and YAML), --password/--token style options, Authorization and X-Auth-Token headers, and
/// passwords inside URLs (transport_url, [database] connection); and, first, every secret value the process knows
/// (<see cref="Diagnostics.KnownSecrets"/>: clouds.yaml passwords, tokens), wherever it appears.
/// </summary>
public static partial class SecretMask
{
    public const string Mask = "****";

    public static string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var masked = Diagnostics.KnownSecrets.Mask(text, Mask);
        masked = Header().Replace(masked, m => m.Groups["head"].Value + Mask);
        masked = Pair().Replace(masked, m => m.Groups["open"].Success
            ? m.Groups["head"].Value + m.Groups["open"].Value + Mask + m.Groups["open"].Value
            : m.Groups["head"].Value + Mask);
        masked = Option().Replace(masked, m => m.Groups["head"].Value + Mask);
        return UrlPassword().Replace(masked, m => m.Groups["head"].Value + Mask + "@");
    }

    // "Authorization: Bearer abc", "X-Auth-Token: abc", "X-Subject-Token: abc" (whole value to the end of the line).
    [GeneratedRegex(@"(?<head>\b(?:authorization|proxy-authorization|x-auth-token|x-subject-token|x-service-token)[""']?\s*[:=]\s*)[^\r\n]+", RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    // password=abc, OS_PASSWORD=abc, "password": "abc", token: abc, application_credential_secret = abc, admin_password=…
    // A quoted value is masked to its closing quote ("ab;cd x" whole); an unquoted one to the next blank, quote or comma.
    [GeneratedRegex(@"(?<head>\b[\w.-]*(?:password|passwd|pwd|token|secret|api_key|apikey|auth_key|private_key)[""']?\s*[=:]\s*)(?:(?<open>[""'])(?!\*\*\*\*)(?:(?!\k<open>)[^\r\n])+\k<open>|(?!\*\*\*\*)[^\s""',]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Pair();

    // --password abc, --os-password=abc, --token abc, --secret abc
    [GeneratedRegex(@"(?<head>--[\w-]*(?:password|token|secret)(?:=|\s+)[""']?)(?!\*\*\*\*)[^\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    // rabbit://openstack:abc@host, mysql+pymysql://nova:abc@db/nova
    [GeneratedRegex(@"(?<head>\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s/]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();
}
