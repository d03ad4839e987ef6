using Uplift.Diagnostics;

namespace Uplift.Tests.Diagnostics;

/// <summary>Input text shown on a terminal: control characters visible, never acted on.</summary>
public sealed class PrintableTests
{
    [Fact]
    public void Text_keeps_its_line_breaks_and_shows_other_control_characters_escaped() =>
        Printable.Of("node \u001b[31mred\r\nnext").ShouldBe("node \\x1b[31mred\\x0d\nnext");

    /// <summary>A plan file whose step id holds "\n" (a JSON escape) must not split the one-line diagnostic that names it
    /// (found by BadInputFuzzTests).</summary>
    [Fact]
    public void A_line_shows_its_line_breaks_escaped_too() =>
        Printable.Line("step 'keystone/do\ne' is unknown").ShouldBe("step 'keystone/do\\x0ae' is unknown");

    [Fact]
    public void Plain_text_is_returned_as_it_is()
    {
        const string plain = "ctl1: the flamingo repository offers rabbitmq-server 3.13.5-1 → 4.2.0-1";

        Printable.Line(plain).ShouldBeSameAs(plain);
    }
}
