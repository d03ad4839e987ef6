using Uplift.Transports;

namespace Uplift.Lab;

/// <summary>Runs a program on this machine and captures its output (through <see cref="ChildProcess"/>). The lab's only way to start processes.</summary>
public static class LocalProgram
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        try
        {
            var outcome = await ChildProcess.RunAsync(file, arguments, input, Timeout.InfiniteTimeSpan, TimeProvider.System, cancel, environment: environment);
            return new Result(outcome.ExitCode, outcome.StandardOutput, outcome.StandardError);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LabException($"could not start {file}: {e.Message}; run scripts/setup to install what the lab needs");
        }
    }

    /// <summary>Starts a daemon in its own session, detached from this process (stdio to a log file), and returns at once.</summary>
    public static Task StartDetachedAsync(string file, IEnumerable<string> arguments, string log, CancellationToken cancel = default) =>
        CheckAsync("/bin/sh", ["-c", "log=$1; shift; exec setsid -f \"$@\" </dev/null >>\"$log\" 2>&1", "sh", log, file, .. arguments], cancel: cancel);

    /// <summary>Runs it and throws a <see cref="LabException"/> naming the command and its error when it fails.</summary>
    public static async Task<string> CheckAsync(string file, IEnumerable<string> arguments, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        var list = arguments.ToList();
        var result = await RunAsync(file, list, input, environment, cancel);
        if (result.ExitCode != 0)
        {
            var said = (result.Error + result.Output).Trim();
            throw new LabException($"'{file} {string.Join(' ', list)}' failed (exit {result.ExitCode}): {said}");
        }
        return result.Output;
    }
}
