using System.Diagnostics;
using Uplift.Cli;

namespace Uplift.Tests;

/// <summary>The uplift command line as its own process, as an operator runs it (exit code, stdout and stderr).</summary>
internal static class UpliftProcess
{
    public sealed record Outcome(bool Exited, int Code, string Output);

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(null, new Dictionary<string, string>(), args);

    /// <summary>Kills the process (SIGKILL, whole tree) after <paramref name="killAfter"/> if it is still running;
    /// <see cref="Outcome.Exited"/> says whether it ended on its own.</summary>
    public static async Task<Outcome> RunAsync(TimeSpan? killAfter, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(UpliftCommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Outcome(false, -1, await output + await error);
        }
        return new Outcome(true, process.ExitCode, await output + await error);
    }
}
