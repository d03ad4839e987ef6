using Uplift.Inventory;
using Uplift.Testing;

namespace Uplift.Tests.Inventory;

public class InventoryYamlWriterTests
{
    [Theory]
    [InlineData("examples/inventory.yaml")]
    [InlineData("examples/large-inventory.yaml")]
    public void Given_an_inventory_When_written_and_read_back_Then_writing_it_again_gives_the_same_text(string example)
    {
        var original = InventoryLoader.Load(Fixtures.Project(example));

        var written = InventoryYamlWriter.Write(original);
        var readBack = InventoryLoader.Parse(written, "written.yaml");

        InventoryYamlWriter.Write(readBack).ShouldBe(written);
        readBack.Nodes.Select(n => n.ToString()).ShouldBe(original.Nodes.Select(n => n.ToString()));
        readBack.Nodes.Select(n => string.Join(",", n.Roles)).ShouldBe(original.Nodes.Select(n => string.Join(",", n.Roles)));
        readBack.Ssh.ShouldBe(original.Ssh);
        readBack.Concurrency.ShouldBe(original.Concurrency);
        readBack.Database.ShouldBe(original.Database);
        readBack.Pacemaker.ShouldBe(original.Pacemaker);
        readBack.OptionalServices.ShouldBe(original.OptionalServices);
    }

    [Theory]
    [InlineData("ctl1", "ctl1")]
    [InlineData("10.0.0.11", "10.0.0.11")]
    [InlineData("fd00::11", "fd00::11")]
    [InlineData("{service}be", "\"{service}be\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("22", "\"22\"")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    public void Given_a_string_When_written_as_a_scalar_Then_it_is_quoted_only_when_YAML_would_read_it_otherwise(string text, string expected)
    {
        InventoryYamlWriter.Scalar(text).ShouldBe(expected);
    }
}
