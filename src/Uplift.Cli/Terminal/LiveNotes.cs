using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Uplift.Cli.Terminal;

/// <summary>
/// Lines said while a live view may be on the terminal (Ctrl-C's acknowledgement): drawn above the view while it
/// shows, since a line written to the terminal under it would be drawn over by its next redraw; written to the
/// fallback writer when no view shows. Safe from any thread (a signal handler says them).
/// </summary>
internal sealed class LiveNotes(TextWriter fallback)
{
    private readonly ConcurrentQueue<string> lines = new();
    private volatile bool showing;

    public void Say(string line)
    {
        if (showing)
        {
            lines.Enqueue(line);
        }
        else
        {
            fallback.WriteLine(line);
        }
    }

    /// <summary>The view with the lines said so far above it; from now on lines go to the view.</summary>
    public IRenderable Above(IRenderable view)
    {
        showing = true;
        return lines.IsEmpty ? view : new Rows([.. lines.Select(l => new Text(l)), view]);
    }
}
