using System.Diagnostics;

namespace Uplift.Lab;

/// <summary>Runs a program on this machine and captures its output. The lab's only way to start processes.</summary>
public static class LocalProgram
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LabException($"could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LabException($"could not start {file}: {e.Message}; run scripts/setup to install what the lab needs");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancel);
            var error = process.StandardError.ReadToEndAsync(cancel);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancel);
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancel);
            return new Result(process.ExitCode, await output, await error);
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
