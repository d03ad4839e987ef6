using System.CommandLine;
using Uplift.Cli;
using Uplift.Cli.Commands;

namespace Uplift.Tests;

/// <summary>uplift(1) is made from the commands' help: every visible command and option is on the page.</summary>
public sealed class ManPageTests
{
    [Fact]
    public void Every_command_with_an_action_and_every_option_is_on_the_page()
    {
        var root = UpliftCommandLine.Build();

        var page = ManPageCommand.Render(root, "0.1.0", new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc));

        page.ShouldStartWith(".TH UPLIFT 1 \"2026-12-06\" \"uplift 0.1.0\"");
        page.ShouldContain(".SS \"uplift catalog path FROM TO\"");
        page.ShouldContain(".SS \"uplift run plan\"");
        page.ShouldNotContain("man\\-page", customMessage: "a hidden command stays off the page");
        foreach (var option in root.Subcommands.Single(c => c.Name == "run").Options.Where(o => !o.Hidden && o.Name != "--help"))
        {
            page.ShouldContain($"\\fB{ManPageCommand.Escape(option.Name)}\\fR");
        }
    }

    [Theory]
    [InlineData("--to", "\\-\\-to")]
    [InlineData("a\\b", "a\\eb")]
    [InlineData(".starts like a request", "\\&.starts like a request")]
    public void Text_is_escaped_for_troff(string text, string escaped) => ManPageCommand.Escape(text).ShouldBe(escaped);

    [Fact]
    public void The_hidden_command_prints_the_page()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        UpliftCommandLine.Run(["man-page"], output, error).ShouldBe(0, error.ToString());
        output.ToString().ShouldStartWith(".TH UPLIFT 1");
        output.ToString().ShouldContain(".SS \"uplift completion SHELL\"");
    }
}
