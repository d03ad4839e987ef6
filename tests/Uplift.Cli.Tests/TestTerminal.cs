using Spectre.Console;

namespace Uplift.Tests;

/// <summary>An interactive terminal without colours or cursor codes whose drawing is read back as text.</summary>
internal static class TestTerminal
{
    public static (IAnsiConsole Console, StringWriter Drawn) Create()
    {
        var drawn = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(drawn),
        });
        return (console, drawn);
    }
}
