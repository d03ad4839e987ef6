using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Diagnostics;

/// <summary>
/// Loads YAML so that every syntax error is a <see cref="YamlException"/> with a position. YamlDotNet 16's scanner throws
/// InvalidOperationException instead for some unclosed flow collections (<c>a: [</c> then <c>b: c</c>): that one becomes
/// a syntax error at the last place the parser read.
/// </summary>
public static class YamlText
{
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException)
        {
            var at = parser.Current?.End ?? Mark.Empty;
            throw new SyntaxErrorException(at, at, "a '[' or '{' opened before this place is not closed");
        }
        return stream;
    }
}
