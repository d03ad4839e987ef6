namespace Uplift.Files;

/// <summary>
/// Files that hold run data (event logs, database dumps, manifests, /etc copies): created readable by their owner
/// alone (0600) whatever the umask, since they may hold what the cluster keeps secret.
/// </summary>
public static class PrivateFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens for writing, created 0600 (an existing file is made 0600 too: it may have been created by an earlier uplift).</summary>
    public static FileStream Create(string path, bool append = false)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = append ? FileMode.Append : FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = Mode,
        });
        File.SetUnixFileMode(stream.SafeFileHandle, Mode);
        return stream;
    }

    public static async Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        await using var stream = Create(path);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a directory readable by its owner alone (0700); an existing one is left as it is.</summary>
    public static void CreateDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
}
