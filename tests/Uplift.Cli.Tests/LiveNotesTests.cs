using Spectre.Console;
using Uplift.Cli.Terminal;

namespace Uplift.Tests;

/// <summary>Ctrl-C's acknowledgement is drawn above the live view, not written into it.</summary>
public sealed class LiveNotesTests
{
    [Fact]
    public async Task A_line_said_while_the_view_shows_is_drawn_above_the_view()
    {
        var (console, writer) = TestTerminal.Create();
        var fallback = new StringWriter();
        var notes = new LiveNotes(fallback);

        await LiveView.ShowWhileAsync(console, () => notes.Above(new Text("PROGRESS TABLE")), () =>
        {
            notes.Say("uplift: stopping after the running steps");
            return Task.FromResult(0);
        }, TimeProvider.System, keepLast: true);

        fallback.ToString().ShouldBeEmpty();
        var last = writer.ToString()[writer.ToString().LastIndexOf("uplift: stopping", StringComparison.Ordinal)..];
        last.ShouldContain("PROGRESS TABLE", customMessage: "the view is drawn under the line said");
    }

    [Fact]
    public void A_line_said_with_no_view_showing_goes_to_the_fallback_writer()
    {
        var fallback = new StringWriter();

        new LiveNotes(fallback).Say("uplift: stopping after the running steps");

        fallback.ToString().ShouldBe("uplift: stopping after the running steps" + Environment.NewLine);
    }
}
