using System.Globalization;
using System.Text;

namespace Uplift.Exec;

/// <summary>
/// The plain-text view of `uplift exec` (pure): each output line prefixed with its node (<c>|</c> stdout,
/// <c>!</c> stderr), a status line per node (<c>=</c>), then the summary and the failures.
/// </summary>
public static class ExecReport
{
    public static string Node(ExecNodeResult result, int nameWidth)
    {
        var text = new StringBuilder();
        var name = result.Node.Name.PadRight(nameWidth);
        if (result.Command is { } command)
        {
            Lines(text, name, '|', command.StandardOutput);
            Lines(text, name, '!', result.Status == ExecStatus.Unreachable ? "" : command.StandardError);
        }
        text.Append(CultureInfo.InvariantCulture, $"{name} = {Status(result)}\n");
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<ExecNodeResult> results, TimeSpan elapsed)
    {
        var failed = results.Where(r => !r.Succeeded).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{results.Count} nodes: {results.Count - failed.Count} succeeded, {failed.Count} failed ({elapsed.TotalSeconds:0.00} s)\n");
        if (failed.Count > 0)
        {
            var width = failed.Max(r => r.Node.Name.Length);
            text.Append("failed:\n");
            foreach (var result in failed)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {result.Node.Name.PadRight(width)}  {Label(result.Status)}: {result.Problem}\n");
            }
        }
        return text.ToString();
    }

    public static string Status(ExecNodeResult result) =>
        result.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"ok ({result.Elapsed.TotalSeconds:0.00} s)")
            : string.Create(CultureInfo.InvariantCulture, $"{Label(result.Status).ToUpperInvariant()}: {result.Problem} ({result.Elapsed.TotalSeconds:0.00} s)");

    public static string Label(ExecStatus status) => status switch
    {
        ExecStatus.Ok => "ok",
        ExecStatus.Failed => "failed",
        ExecStatus.TimedOut => "timed out",
        ExecStatus.Unreachable => "unreachable",
        _ => "error",
    };

    private static void Lines(StringBuilder text, string name, char stream, string output)
    {
        if (output.Length == 0)
        {
            return;
        }
        foreach (var line in output.TrimEnd('\n').Split('\n'))
        {
            text.Append(name).Append(' ').Append(stream).Append(' ').Append(line.TrimEnd('\r')).Append('\n');
        }
    }
}
