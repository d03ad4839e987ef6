using System.Globalization;

namespace Uplift.Execution.Progress;

/// <summary>One timestamped line per event, for pipes and CI logs (no cursor movement, no colour).</summary>
public sealed class PlainProgressWriter(TextWriter output) : IRunObserver
{
    private readonly object _gate = new();

    public void On(RunEvent runEvent)
    {
        var line = Line(runEvent);
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            output.WriteLine($"{runEvent.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {line}");
            output.Flush();
        }
    }

    private static string? Line(RunEvent e) => e.Kind switch
    {
        "run-started" => $"run started: {e.Message}, {e.Total} steps ({e.State} done before)",
        "step-started" => $"start  {e.StepId}{Nodes(e)}{(e.Message is null ? "" : " (" + e.Message + ")")}",
        "step-ended" => $"{e.State,-6} {e.StepId}{Nodes(e)} {e.Seconds?.ToString("0.0", CultureInfo.InvariantCulture)} s" +
            (string.IsNullOrEmpty(e.Message) ? "" : ": " + e.Message),
        "message" => $"       {e.StepId}: {e.Message}",
        "run-stopping" => e.Message,
        "run-ended" => $"run {e.State}" + (e.Message is null ? "" : $": first failure {e.Message}"),
        _ => null,
    };

    private static string Nodes(RunEvent e) => e.Nodes is { Count: > 0 } nodes ? " [" + string.Join(',', nodes) + "]" : "";
}
