using System.Diagnostics;
using Uplift.Cli;

namespace Uplift.Tests;

/// <summary>`uplift completion bash`, sourced in a real bash, completes a command line by asking uplift itself.</summary>
public sealed class CompletionTests
{
    /// <summary>The built uplift program (its apphost beside the test's copy of uplift.dll).</summary>
    private static readonly string Uplift = Path.Combine(Path.GetDirectoryName(typeof(UpliftCommandLine).Assembly.Location)!, "uplift");

    [Theory]
    [InlineData("uplift pl", "plan")]
    [InlineData("uplift plan --form", "--format")]
    [InlineData("uplift plan -i x.yaml --to flam", "flamingo")]
    [InlineData("uplift catalog path epoxy gaz", "gazpacho")]
    public async Task Given_the_bash_script_When_a_line_is_completed_Then_the_words_uplift_knows_are_offered(string line, string offered)
    {
        var script = Path.Combine(Path.GetTempPath(), $"uplift-completion-{Guid.NewGuid():N}.bash");
        await File.WriteAllTextAsync(script, Run("completion", "bash"));
        try
        {
            // As bash calls a completion function: COMP_LINE, COMP_POINT at its end, COMP_WORDS and COMP_CWORD.
            var words = line.Split(' ');
            words[0] = Uplift;
            var full = string.Join(' ', words);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"""
                source '{script}'
                COMP_LINE='{full}'; COMP_POINT=${"{#COMP_LINE}"}
                COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}
                _uplift
                printf '%s\n' "${"{COMPREPLY[@]}"}"
                """);
            using var bash = Process.Start(start)!;
            var offers = await bash.StandardOutput.ReadToEndAsync();
            await bash.WaitForExitAsync();

            bash.ExitCode.ShouldBe(0, await bash.StandardError.ReadToEndAsync());
            offers.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldContain(offered, $"{line}: offered {offers}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Given_zsh_When_asked_Then_its_script_defines_the_completion_function()
    {
        var script = Run("completion", "zsh");

        script.ShouldStartWith("#compdef uplift");
        script.ShouldContain("compdef _uplift uplift");
    }

    [Fact]
    public void Given_another_shell_When_asked_Then_exit_2_names_the_shells()
    {
        var error = new StringWriter();

        UpliftCommandLine.Run(["completion", "fish"], new StringWriter(), error).ShouldBe(2);
        error.ToString().ShouldContain("give bash or zsh");
    }

    private static string Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        UpliftCommandLine.Run(args, output, error).ShouldBe(0, error.ToString());
        return output.ToString();
    }
}
