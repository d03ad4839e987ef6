namespace Uplift.Lab;

/// <summary>Unix permission bits; the lab runs on Linux only (sshd, haproxy, MariaDB are Debian packages).</summary>
public static class FileModes
{
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
