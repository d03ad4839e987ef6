using System.CommandLine;

namespace Uplift.Cli.Commands;

/// <summary>Not written yet.</summary>
internal static class RunCommands
{
    public static IEnumerable<Command> Create() => [];
}
