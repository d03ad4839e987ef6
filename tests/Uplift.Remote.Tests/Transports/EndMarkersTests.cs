using System.Text;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class EndMarkersTests
{
    private const string Token = "@uplift-session-end-abc-1";

    [Fact]
    public void Given_output_without_its_whole_marker_line_yet_When_searched_Then_it_is_not_found()
    {
        EndMarkers.FindStdoutEnd(Encoding.ASCII.GetBytes($"out\n{Token} 0"), Token).ShouldBeNull();
        EndMarkers.FindStderrEnd(Encoding.ASCII.GetBytes($"err\n{Token}"), Token).ShouldBeNull();
    }

    [Fact]
    public void Given_a_marker_cut_between_two_reads_When_searched_from_where_the_first_read_ended_Then_it_is_found()
    {
        var first = Encoding.ASCII.GetBytes($"out\n{Token[..10]}");
        var whole = Encoding.ASCII.GetBytes($"out\n{Token} 7\n");

        var end = EndMarkers.FindStdoutEnd(whole, Token, EndMarkers.SearchFrom(first.Length, Token)).ShouldNotBeNull();

        (end.TextEnd, end.ExitCode, end.End).ShouldBe((3, 7, whole.Length));
    }

    [Fact]
    public void Given_a_marker_line_without_exit_code_When_searched_Then_it_is_a_format_error() =>
        Should.Throw<FormatException>(() => EndMarkers.FindStdoutEnd(Encoding.ASCII.GetBytes($"\n{Token} x\n"), Token));

    [Theory]
    [InlineData("it's")]
    [InlineData("")]
    public void Given_a_token_that_is_not_letters_and_digits_When_made_Then_it_is_refused(string fixedPart) =>
        Should.Throw<ArgumentException>(() => EndMarkers.Token("@uplift-", fixedPart));

    [Fact]
    public void Given_no_fixed_part_When_tokens_are_made_Then_each_is_new() =>
        EndMarkers.Token("@uplift-").ShouldNotBe(EndMarkers.Token("@uplift-"));
}
