namespace Uplift.Database;

/// <summary>Copies a file from the database node to the operator's machine.</summary>
public interface IBackupFetch
{
    Task FetchAsync(string nodeFile, string localFile, long bytes, CancellationToken cancellationToken = default);
}
