namespace Uplift.Transports;

/// <summary>What a command did on a node.</summary>
/// <param name="ExitCode">The remote command's exit code; 255 is also what ssh returns when it cannot connect.</param>
/// <param name="TimedOut">The command was ended because it ran past its timeout.</param>
/// <param name="Unreachable">The node could not be reached (connection refused, timeout, host key refused); the command did not run.</param>
public sealed record CommandResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed,
    bool TimedOut = false,
    bool Unreachable = false)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !Unreachable;
}
