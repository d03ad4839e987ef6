using Uplift.Diagnostics;

namespace Uplift.Tests.Diagnostics;

/// <summary>"Did you mean": the closest known name to a typo, and nothing when no name is close.</summary>
public sealed class SuggestionTests
{
    private static readonly string[] Commands = ["plan", "inventory", "catalog", "exec", "lab", "run", "resume", "status"];

    [Theory]
    [InlineData("pln", "plan")]
    [InlineData("catlog", "catalog")]
    [InlineData("stauts", "status")]
    [InlineData("PLAN2", "plan")]
    public void A_typo_finds_the_command_meant(string typed, string meant) =>
        Suggestion.Closest(typed, Commands).ShouldBe(meant);

    [Theory]
    [InlineData("x")]
    [InlineData("deploy")]
    [InlineData("plan")]
    public void A_word_far_from_every_name_or_one_already_right_finds_nothing(string typed) =>
        Suggestion.Closest(typed, Commands).ShouldBeNull();

    [Fact]
    public void An_option_is_found_by_its_letters_after_the_dashes() =>
        Suggestion.Closest("--form", ["--format", "--from", "--inventory"]).ShouldBe("--from");

    [Fact]
    public void A_release_series_with_a_letter_missing_is_found() =>
        Suggestion.DidYouMean("flamngo", ["epoxy", "flamingo", "gazpacho"]).ShouldBe(" (did you mean 'flamingo'?)");

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "plan", 4)]
    public void Distance_counts_insertions_deletions_substitutions_and_adjacent_swaps(string a, string b, int distance) =>
        Suggestion.Distance(a, b).ShouldBe(distance);
}
