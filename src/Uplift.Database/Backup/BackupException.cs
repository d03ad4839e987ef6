namespace Uplift.Database;

/// <summary>A backup, verification or restore step failed; the message says which schema, file and node, and why.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
