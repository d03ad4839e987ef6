using Uplift.Diagnostics;

namespace Uplift.Haproxy;

/// <summary>
/// Checks backend and server names before they go into a command. HAProxy accepts only letters, digits and
/// '.', '-', '_', ':' in proxy and server names (src/tools.c invalid_char); anything else could change the command
/// (';' chains commands, a space adds arguments), so it is refused.
/// </summary>
public static class HaproxyName
{
    public static string Check(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
        {
            throw new InputException($"'{name}' is not a valid HAProxy {what} name",
                hint: "HAProxy names hold only letters, digits, '.', '-', '_' and ':'");
        }
        return name;
    }
}
