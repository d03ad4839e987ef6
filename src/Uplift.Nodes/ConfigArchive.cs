namespace Uplift.Nodes;

/// <summary>
/// The commands of a configuration backup on a node: a gzip tarball of the services' /etc directories that exist, made
/// private (0600 in a 0700 directory), and its sha256 written beside it; the sha256 read back; the file as base64 for
/// its copy here. Build commands only; the handler runs them.
/// </summary>
public static class ConfigArchive
{
    /// <summary>Larger than this, a configuration tarball is not copied in one answer: something else is in /etc.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <param name="directories">Absolute /etc directories ("/etc/nova"); those absent on the node are skipped.</param>
    /// <returns>Prints "sha256 bytes" of the tarball (or "none" when no directory exists).</returns>
    public static string Create(string file, IEnumerable<string> directories)
    {
        var parent = Path.GetDirectoryName(file)!;
        var relative = string.Join(' ', directories.Select(d => ShellQuote.Word(d.TrimStart('/'))));
        var (quoted, temporary) = (ShellQuote.Word(file), ShellQuote.Word(file + ".part"));
        return $"set --; for d in {relative}; do [ -d \"/$d\" ] && set -- \"$@\" \"$d\"; done; " +
            "if [ $# -eq 0 ]; then echo none; exit 0; fi; " +
            $"umask 077 && mkdir -p {ShellQuote.Word(parent)} && tar -czf {temporary} -C / \"$@\" && mv {temporary} {quoted} && " +
            $"sha256sum {quoted} | cut -d' ' -f1 > {ShellQuote.Word(file + ".sha256")} && " +
            $"echo \"$(cat {ShellQuote.Word(file + ".sha256")}) $(stat -c %s {quoted})\"";
    }

    /// <summary>Prints the recorded sha256, then the file's own sha256 (nothing for what is missing).</summary>
    public static string Query(string file) =>
        $"cat {ShellQuote.Word(file + ".sha256")} 2>/dev/null; sha256sum {ShellQuote.Word(file)} 2>/dev/null | cut -d' ' -f1; true";

    /// <summary>Extracts the tarball back in place (paths are relative to /), files it holds replacing those there.</summary>
    public static string Extract(string file) => $"tar -xzf {ShellQuote.Word(file)} -C /";

    public static string Read(string file) => $"base64 -w0 {ShellQuote.Word(file)}";

    /// <summary>Reads <see cref="Create"/>'s answer: the sha256 and size, or null for "none".</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static (string Sha256, long Bytes)? Created(string output)
    {
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        if (last == "none")
        {
            return null;
        }
        var fields = last.Split(' ');
        return fields.Length == 2 && fields[0].Length == 64 && long.TryParse(fields[1], System.Globalization.CultureInfo.InvariantCulture, out var bytes)
            ? (fields[0], bytes)
            : throw new FormatException($"the configuration backup printed '{last}', not its sha256 and size");
    }
}
