using System.Diagnostics;
using System.Text;

namespace Uplift.Transports;

/// <summary>Runs a local program with its arguments, feeds stdin, captures stdout and stderr, and kills it past a deadline:
/// the one way Uplift runs a program to its end (transports, the lab, the scratch database).</summary>
public static class ChildProcess
{
    private const string Setsid = "/usr/bin/setsid";

    /// <summary>How long output is still read after the process exited or was killed (a grandchild may hold the pipes).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<ChildOutcome> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? standardInput,
        TimeSpan deadline,
        TimeProvider time,
        CancellationToken cancellationToken,
        bool ownSession = false,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // In its own session (setsid) the child is out of the terminal's foreground process group: a Ctrl-C
        // reaches Uplift alone, which lets running commands finish (or ends them itself), instead of killing
        // every ssh at once. The scheduler's autogroups also give each such session its own CPU share, as
        // parallel-ssh's children get (psshlib/task.py runs ssh with os.setsid).
        var start = new ProcessStartInfo(ownSession ? Setsid : program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (ownSession)
        {
            start.ArgumentList.Add(program);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var began = time.GetTimestamp();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {program}");
        using var limit = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        using var stopReading = new CancellationTokenSource();
        var output = new MemoryStream();
        var error = new MemoryStream();
        var reading = Task.WhenAll(
            Drain(process.StandardOutput.BaseStream, output, stopReading.Token),
            Drain(process.StandardError.BaseStream, error, stopReading.Token));
        var killed = false;
        try
        {
            await FeedAsync(process, standardInput, linked.Token);
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                killed = true;
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }
        try
        {
            await reading.WaitAsync(DrainGrace, time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            stopReading.Cancel();
            await reading;
        }
        return new ChildOutcome(
            process.ExitCode,
            Text(output),
            Text(error),
            time.GetElapsedTime(began),
            killed);
    }

    private static async Task FeedAsync(Process process, string? input, CancellationToken token)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), token);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input: its exit code tells what happened.
        }
    }

    /// <summary>Reads <paramref name="from"/> to its end (or until <paramref name="token"/> stops it) into <paramref name="into"/>.</summary>
    internal static async Task Drain(Stream from, MemoryStream into, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, token)) > 0)
            {
                lock (into)
                {
                    into.Write(buffer, 0, read);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Keep what was read so far.
        }
    }

    internal static string Text(MemoryStream stream)
    {
        lock (stream)
        {
            return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }
    }
}
