using System.CommandLine;

namespace Uplift.Cli.Commands;

/// <summary>Not written yet.</summary>
internal static class ExecCommand
{
    public static IEnumerable<Command> Create() => [];
}
