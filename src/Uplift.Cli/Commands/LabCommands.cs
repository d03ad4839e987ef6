using System.CommandLine;

namespace Uplift.Cli.Commands;

/// <summary>Not written yet.</summary>
internal static class LabCommands
{
    public static IEnumerable<Command> Create() => [];
}
