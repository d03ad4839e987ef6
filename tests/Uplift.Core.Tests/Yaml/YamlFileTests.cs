using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Inventory.Ansible;
using Uplift.Yaml;

namespace Uplift.Tests.Yaml;

/// <summary>
/// Every YAML file Uplift reads goes through one layer (<see cref="YamlFile"/>): the same mistake is the same
/// diagnostic, at its file:line:column, whichever file it is in (inventory, catalog overlay, Ansible inventory; clouds.yaml
/// in the OpenStack tests).
/// </summary>
public sealed class YamlFileTests
{
    public static TheoryData<string, string, int, int> Mistakes => new()
    {
        { "a: 1\na: 2\n", "key 'a' is written twice in the same mapping (keep one of them)", 2, 1 },
        { "a: [b\nc: d\n", "YAML syntax error: a '[' or '{' opened before this place is not closed (close it with ']' or '}' where the list or mapping ends)", 1, 4 },
        { "a: 1\n---\nb: 2\n", "the file holds more than one YAML document (keep one document per file: remove the second '---' and what follows, or merge it into the first)", 3, 1 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Given_a_mistake_When_read_as_any_of_uplifts_yaml_files_Then_each_reader_reports_it_alike(string text, string said, int line, int column)
    {
        IReadOnlyList<(string File, Action Read)> readers =
        [
            ("inventory.yaml", () => InventoryLoader.Parse(text, "inventory.yaml")),
            ("site.yaml", () => CatalogLoader.WithOverlay(Encoding.UTF8.GetBytes(text), "site.yaml")),
            ("hosts.yml", () => AnsibleInventoryImporter.Parse(text, "hosts.yml")),
        ];

        foreach (var (file, read) in readers)
        {
            var problem = Should.Throw<InputException>(read).Diagnostics.ShouldHaveSingleItem();
            problem.ToString().ShouldBe($"{file}:{line}:{column}: {said}", file);
        }
    }

    [Fact]
    public void Given_an_empty_file_When_parsed_Then_it_has_no_root_and_no_problem()
    {
        YamlFile.Parse("# only a comment\n", "empty.yaml").Root.ShouldBeNull();
    }
}
