using System.Security.Cryptography;
using Uplift.Execution;
using Uplift.Files;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>
/// Backs up the OpenStack services' /etc directories of a node before anything is installed on it
/// (<see cref="ConfigArchive"/>): a tarball with its sha256 kept on the node ("node-directory"/"name"), and a copy here
/// in <paramref name="localDirectory"/> (0600 in a 0700 directory) whose sha256 must match. Done when both are there
/// and match. The tarball holds passwords: its bytes travel on the node's shell alone, never into the journal or the log.
/// </summary>
public sealed class ConfigBackupHandler(string localDirectory) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [ConfigArchive.Create(NodeFile(step), Directories(step)), $"{ConfigArchive.Read(NodeFile(step))}   # copied to {LocalFile(step)}, sha256 checked"];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var lines = (await context.RunAsync(node, ConfigArchive.Query(NodeFile(context.Step))).ConfigureAwait(false)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 2 && lines[0] == lines[1] && File.Exists(LocalFile(context.Step)) && Sha256(await File.ReadAllBytesAsync(LocalFile(context.Step)).ConfigureAwait(false)) == lines[0];
    }

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var file = NodeFile(context.Step);
        var result = await context.RunCheckedAsync(node, ConfigArchive.Create(file, Directories(context.Step))).ConfigureAwait(false);
        (string Sha256, long Bytes)? created;
        try
        {
            created = ConfigArchive.Created(result.StandardOutput);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", result);
        }
        if (created is not { } archive)
        {
            context.Report($"{node}: none of {string.Join(' ', Directories(context.Step))} exists: nothing to back up");
            return;
        }
        if (archive.Bytes > ConfigArchive.MaxBytes)
        {
            throw new StepFailedException($"on {node}: {file} is {archive.Bytes / 1024 / 1024} MiB, more than a configuration backup should be; " +
                "look at what the services' /etc directories hold");
        }
        // On the shell itself: the base64 of a tarball that holds passwords must not become the step's recorded output.
        var copy = await context.ShellFor(node).RunAsync(new RemoteCommand(ConfigArchive.Read(file)), context.Abort).ConfigureAwait(false);
        byte[] bytes;
        try
        {
            bytes = copy.ExitCode == 0 ? Convert.FromBase64String(copy.StandardOutput.Trim()) : [];
        }
        catch (FormatException)
        {
            bytes = [];
        }
        if (Sha256(bytes) != archive.Sha256)
        {
            throw new StepFailedException($"on {node}: the copy of {file} does not match its sha256 {archive.Sha256} (exit {copy.ExitCode}); run again");
        }
        PrivateFile.CreateDirectory(localDirectory);
        var local = LocalFile(context.Step);
        await PrivateFile.WriteAllBytesAsync(local + ".part", bytes, context.Abort).ConfigureAwait(false);
        File.Move(local + ".part", local, overwrite: true);
        await PrivateFile.WriteAllTextAsync(local + ".sha256", archive.Sha256 + "\n", context.Abort).ConfigureAwait(false);
        context.Report($"{node}: {string.Join(' ', Directories(context.Step))} backed up to {file} ({archive.Bytes / 1024.0:0.#} KiB, sha256 {archive.Sha256[..12]}), copy at {local}");
    }

    private static IReadOnlyList<string> Directories(PlanStep step) => ConfigBackupStep.Read(step).Backup.Directories;

    private static string NodeFile(PlanStep step) => ConfigBackupStep.Read(step).Backup.NodeFile;

    private string LocalFile(PlanStep step) => Path.Combine(localDirectory, ConfigBackupStep.Read(step).Backup.FileName);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
