using Uplift.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Yaml;

/// <summary>
/// The one way Uplift reads a YAML file (inventory, catalog and overlays, Ansible inventories, clouds.yaml): YamlDotNet's
/// representation model, so every node keeps its line and column, one document per file, and a syntax error is an
/// <see cref="InputException"/> at file:line:column saying what to do. What the nodes mean is the format's reader's,
/// which reports its problems through <see cref="YamlProblems"/>.
/// </summary>
public sealed record YamlFile(string Path, YamlNode? Root)
{
    /// <summary>Parses <paramref name="text"/>; null <see cref="Root"/> when the file holds no document.</summary>
    /// <exception cref="InputException">A syntax error, a key written twice in one mapping, or a second document.</exception>
    public static YamlFile Parse(string text, string path)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16's scanner throws this instead of a syntax error for some unclosed flow collections
            // ("a: [" then "b: c"): it is one, at the last place the parser read.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new InputException(Unclosed, At(path, at), SyntaxHint(Unclosed));
        }
        catch (YamlException bad)
        {
            var message = WithoutPosition(bad);
            var (summary, hint) = message.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? ($"key '{message["Duplicate key ".Length..]}' is written twice in the same mapping", "keep one of them")
                : ($"YAML syntax error: {message}", SyntaxHint(message));
            throw new InputException(summary, At(path, bad.Start), hint);
        }
        if (stream.Documents.Count > 1)
        {
            throw new InputException("the file holds more than one YAML document", At(path, stream.Documents[1].RootNode.Start),
                "keep one document per file: remove the second '---' and what follows, or merge it into the first");
        }
        return new(path, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    public SourceLocation At(YamlNode node) => At(Path, node.Start);

    public static SourceLocation At(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>An empty value, <c>~</c> or <c>null</c> written unquoted means "not set".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    private const string Unclosed = "YAML syntax error: a '[' or '{' opened before this place is not closed";

    private static string SyntaxHint(string message) =>
        message.Contains("flow", StringComparison.Ordinal) || message.Contains("'[' or '{'", StringComparison.Ordinal)
            ? "close it with ']' or '}' where the list or mapping ends"
            : "fix the YAML at this place (indentation, quotes, brackets, ':' after keys)";

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the location is reported on its own.</summary>
    private static string WithoutPosition(YamlException bad)
    {
        var message = bad.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }
}
