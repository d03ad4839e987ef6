using System.Text.Json;

namespace Uplift.Planning;

/// <summary>
/// The bytes a plan was read from, kept to say on which line a member is: messages about a plan file name the line to open
/// (<c>plan.json:4521: $.steps[500].kind …</c>). Found by scanning only when a message needs it.
/// </summary>
public sealed class PlanFileText(byte[] utf8)
{
    /// <summary>The 1-based line of the member at a JSON path such as <c>$.steps[3].kind</c>, or of its deepest parent present; 0 if none.</summary>
    public int LineOf(string path)
    {
        var target = Segments(path);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<Frame>();
        var (best, bestDepth) = (0L, -1);
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    frames[^1] = frames[^1] with { Name = reader.GetString() };
                }
                else if (frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }
                if (token == JsonTokenType.PropertyName || frames.Count > 0 && frames[^1].IsArray)
                {
                    var depth = MatchedDepth(frames, target);
                    if (depth == frames.Count && depth > bestDepth)
                    {
                        (best, bestDepth) = (reader.TokenStartIndex, depth);
                        if (depth == target.Count)
                        {
                            break;
                        }
                    }
                }
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame(token == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (JsonException)
        {
            // A file cut short: the best match so far is still the nearest place.
        }
        return bestDepth < 0 ? 0 : utf8.AsSpan(0, (int)best).Count((byte)'\n') + 1;
    }

    private static int MatchedDepth(List<Frame> frames, List<object> target)
    {
        var depth = 0;
        while (depth < frames.Count && depth < target.Count
            && (frames[depth].IsArray ? target[depth] is int i && i == frames[depth].Index : target[depth] is string s && s == frames[depth].Name))
        {
            depth++;
        }
        return depth;
    }

    /// <summary>"$.steps[3].kind" → ["steps", 3, "kind"].</summary>
    private static List<object> Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            for (var rest = bracket < 0 ? "" : part[bracket..]; rest.StartsWith('['); rest = rest[(rest.IndexOf(']', StringComparison.Ordinal) + 1)..])
            {
                segments.Add(int.Parse(rest[1..rest.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return segments;
    }

    private sealed record Frame(bool IsArray, int Index, string? Name);
}
