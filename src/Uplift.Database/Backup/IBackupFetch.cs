namespace Uplift.Database;

/// <summary>Copies a file from the database node to the operator's machine.</summary>
public interface IBackupFetch
{
    /// <summary>
    /// A command whose output <see cref="FetchAsync"/> takes as the file's first bytes: run in the same batch as the
    /// dump, so a dump that fits in it costs no round trip of its own. Null when the copy does not go through the
    /// node's shell.
    /// </summary>
    string? FirstPart(string nodeFile);

    /// <param name="firstPart">What <see cref="FirstPart"/>'s command printed, read after the file was complete; null to read it now.</param>
    Task FetchAsync(string nodeFile, string localFile, long bytes, string? firstPart = null, CancellationToken cancellationToken = default);
}
