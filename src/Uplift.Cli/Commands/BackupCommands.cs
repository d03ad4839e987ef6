using System.CommandLine;

namespace Uplift.Cli.Commands;

/// <summary>Not written yet.</summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create() => [];
}
