using Uplift.Transports;

namespace Uplift.Testing.Sshd;

/// <summary>Makes key pairs with ssh-keygen (ed25519, no passphrase).</summary>
public static class SshKeys
{
    /// <summary>Writes <paramref name="privateKeyFile"/> and its .pub; returns the public key line.</summary>
    public static async Task<string> GenerateAsync(string privateKeyFile, string comment, CancellationToken cancellationToken = default)
    {
        var outcome = await ChildProcess.RunAsync(
            "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", privateKeyFile],
            null, TimeSpan.FromSeconds(30), TimeProvider.System, cancellationToken);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen could not write {privateKeyFile}: {outcome.StandardError.Trim()}");
        }
        return (await File.ReadAllTextAsync(privateKeyFile + ".pub", cancellationToken)).Trim();
    }
}
