using System.Text.Json;
using System.Text.Json.Serialization;

namespace Uplift.Execution.Progress;

/// <summary>--log-json: one JSON object per line and per event (keys in snake_case, as in every JSON Uplift writes), flushed at once (a killed run keeps its log).</summary>
public sealed class JsonEventLog(TextWriter output) : IRunObserver
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly object _gate = new();

    public void On(RunEvent runEvent)
    {
        var line = JsonSerializer.Serialize(runEvent, Options);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
