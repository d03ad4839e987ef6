using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>A node's /etc backup: the directories in it, and the tarball's directory on the node and name.</summary>
/// <param name="NodeDirectory">Where the tarball is kept on the node (inventory database.backup_directory).</param>
public sealed record EtcBackup(IReadOnlyList<string> Directories, string NodeDirectory, string FileName)
{
    public const string DefaultNodeDirectory = "/var/backups/uplift";
    public const string DefaultFileName = "etc.tar.gz";

    /// <summary>The tarball on the node.</summary>
    public string NodeFile => Path.Combine(NodeDirectory, FileName);

    internal (string Key, string? Value)[] Pairs() =>
        [("directories", StepArguments.Words(Directories)), ("node-directory", NodeDirectory), ("name", FileName)];

    internal static EtcBackup Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.RequiredWords("directories"), arguments.Optional("node-directory") ?? DefaultNodeDirectory,
            arguments.Optional("name") ?? DefaultFileName);
    }
}
