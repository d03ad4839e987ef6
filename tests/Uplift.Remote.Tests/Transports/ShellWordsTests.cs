using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class ShellWordsTests
{
    [Theory]
    [InlineData("plain-word_1.2/x")]
    [InlineData("it's")]
    [InlineData("two words")]
    [InlineData("$HOME `id` $(id) \\ \" ; | & > < * ? [ ] ~ # !")]
    [InlineData("line\nbreak")]
    [InlineData("''")]
    [InlineData("")]
    public async Task Given_any_text_When_quoted_Then_sh_reads_it_back_unchanged(string text)
    {
        await using var local = new LocalTransport();
        var shell = local.ShellFor(new Node("here", "127.0.0.1", [Role.Controller]));

        var result = await shell.RunAsync(new RemoteCommand("printf '%s' " + ShellWords.Quote(text)));

        result.StandardOutput.ShouldBe(text);
    }

    [Fact]
    public void Given_a_word_without_special_characters_When_quoted_Then_it_is_left_bare()
    {
        ShellWords.Quote("/usr/bin/apt-get").ShouldBe("/usr/bin/apt-get");
        ShellWords.Quote("a b").ShouldBe("'a b'");
        ShellWords.Quote("it's").ShouldBe("'it'\\''s'");
    }
}
