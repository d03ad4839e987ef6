using System.Text;
using System.Text.Json;

namespace Uplift.Exec;

/// <summary>The `uplift exec --json` document (pure): the command, one entry per node, a summary.</summary>
public static class ExecJson
{
    public static string Write(string command, IReadOnlyList<ExecNodeResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("command", command);
            json.WriteStartArray("nodes");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("node", result.Node.Name);
                json.WriteString("address", result.Node.Address);
                json.WriteString("status", ExecReport.Label(result.Status).Replace(' ', '_'));
                json.WriteBoolean("succeeded", result.Succeeded);
                if (result.Command is { } run)
                {
                    json.WriteNumber("exit_code", run.ExitCode);
                    json.WriteString("stdout", run.StandardOutput);
                    json.WriteString("stderr", run.StandardError);
                }
                else
                {
                    json.WriteNull("exit_code");
                }
                if (result.Problem is not null)
                {
                    json.WriteString("problem", result.Problem);
                }
                json.WriteNumber("elapsed_seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("total", results.Count);
            json.WriteNumber("succeeded", results.Count(r => r.Succeeded));
            json.WriteNumber("failed", results.Count(r => !r.Succeeded));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
