using Uplift.Files;
namespace Uplift.Database;

/// <summary>
/// Copies a file back through the node's shell alone (no scp/sftp needed, works through any IRemoteShell):
/// fixed-size slices read with tail|head, base64-encoded on stdout and decoded here. Each slice is a separate
/// command (the first one can ride with the dump's own batch: <see cref="FirstPart"/>), so memory stays bounded and a
/// multi-GB dump never sits in one string.
/// </summary>
public sealed class ShellFetch(DatabaseNode node, int chunkBytes = 8 * 1024 * 1024) : IBackupFetch
{
    public string? FirstPart(string nodeFile) => DatabaseCommandLines.ReadChunk(nodeFile, 0, chunkBytes);

    public async Task FetchAsync(string nodeFile, string localFile, long bytes, string? firstPart = null, CancellationToken cancellationToken = default)
    {
        var part = localFile + ".part";
        await using (var output = PrivateFile.Create(part))
        {
            for (long offset = 0; offset < bytes; offset += chunkBytes)
            {
                var length = (int)Math.Min(chunkBytes, bytes - offset);
                var chunk = offset == 0 && firstPart is not null
                    ? firstPart
                    : (await node.RunAsync(DatabaseCommandLines.ReadChunk(nodeFile, offset, length), Doing(nodeFile), null, cancellationToken)).StandardOutput;
                var data = Convert.FromBase64String(chunk.Trim());
                if (data.Length != length)
                {
                    throw new BackupException(
                        $"copying {nodeFile} from {node.Name}: got {data.Length} bytes at offset {offset}, expected {length} (file changed or was cut?)");
                }
                await output.WriteAsync(data, cancellationToken);
            }
        }
        File.Move(part, localFile, overwrite: true);
    }

    /// <summary>What a failed read says it was doing (also for <see cref="FirstPart"/>'s command).</summary>
    public static string Doing(string nodeFile) => $"copying {nodeFile} back";
}
