using System.Globalization;
using Uplift.Transports;

namespace Uplift.Testing.Sshd;

/// <summary>
/// A dedicated system account with a plain /bin/sh shell that rehearsal nodes log in to (root's own shell
/// set-up would add its cost to every command). Creating and removing it needs root.
/// </summary>
public sealed class LoginAccount
{
    private LoginAccount(string name, string home, int uid)
    {
        Name = name;
        Home = home;
        Uid = uid;
    }

    public string Name { get; }

    public string Home { get; }

    public int Uid { get; }

    /// <summary>Creates the account (replacing a leftover one of the same name) with its home directory.</summary>
    public static async Task<LoginAccount> CreateAsync(string name, string home, CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("login accounts are made with useradd on Linux");
        }
        if (FindUid(name) is not null)
        {
            await RemoveAsync(name, cancellationToken);
        }
        // '*' instead of useradd's '!': sshd without PAM refuses accounts whose password field starts with '!'.
        await RunAsync("/usr/sbin/useradd", ["--system", "--shell", "/bin/sh", "--home-dir", home, "--no-create-home", "--password", "*", name], cancellationToken);
        var uid = FindUid(name) ?? throw new InvalidOperationException($"useradd did not create {name}");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await RunAsync("/bin/chown", [$"{uid}", home], cancellationToken);
        return new LoginAccount(name, home, uid);
    }

    /// <summary>Ends the account's processes and removes it and its home directory.</summary>
    public Task RemoveAsync(CancellationToken cancellationToken = default) => RemoveAsync(Name, cancellationToken);

    private static async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if (FindUid(name) is not int uid)
        {
            return;
        }
        foreach (var pid in LocalProcesses.OwnedBy(uid))
        {
            LocalProcesses.Kill(pid);
        }
        await RunAsync("/usr/sbin/userdel", ["--force", "--remove", name], cancellationToken, allowExit: [12]);
    }

    private static int? FindUid(string name) =>
        File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length > 2 && fields[0] == name)
            .Select(fields => (int?)int.Parse(fields[2], CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken, int[]? allowExit = null)
    {
        var outcome = await ChildProcess.RunAsync(program, arguments, null, TimeSpan.FromSeconds(30), TimeProvider.System, cancellationToken);
        if (outcome.ExitCode != 0 && !(allowExit ?? []).Contains(outcome.ExitCode))
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({outcome.ExitCode}): {outcome.StandardError.Trim()} (this needs root)");
        }
    }
}
