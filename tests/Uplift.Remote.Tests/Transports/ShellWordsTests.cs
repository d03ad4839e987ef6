using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class ShellWordsTests
{
    public static TheoryData<string> Texts() => ["plain-word_1.2/x", "it's", "two words", "$HOME `id` $(id) \\ \" ; | & > < * ? [ ] ~ # !", "line\nbreak", "''", ""];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Given_any_text_When_quoted_Then_sh_reads_it_back_unchanged(string text)
    {
        await using var local = new LocalTransport();
        var shell = local.ShellFor(new Node("here", "127.0.0.1", [Role.Controller]));

        var result = await shell.RunAsync(new RemoteCommand("printf '%s' " + ShellWords.Quote(text)));

        result.StandardOutput.ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Given_quoted_words_When_split_Then_each_text_comes_back(string text) =>
        ShellWords.Split(string.Join(' ', new[] { "first", text, "it's last" }.Select(ShellWords.Quote))).ShouldBe(["first", text, "it's last"]);

    [Theory]
    [InlineData("a;b")]
    [InlineData("'unclosed")]
    [InlineData("$HOME")]
    public void Given_text_quote_did_not_write_When_split_Then_it_is_refused(string words) => ShellWords.Split(words).ShouldBeNull();

    [Fact]
    public void Given_a_word_without_special_characters_When_quoted_Then_it_is_left_bare()
    {
        ShellWords.Quote("/usr/bin/apt-get").ShouldBe("/usr/bin/apt-get");
        ShellWords.Quote("a b").ShouldBe("'a b'");
        ShellWords.Quote("it's").ShouldBe("'it'\\''s'");
    }
}
