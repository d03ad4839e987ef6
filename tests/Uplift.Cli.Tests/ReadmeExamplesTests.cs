using Uplift.Cli;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>The README's "Using it" commands that need no node run as written (from the checkout's root).</summary>
public sealed class ReadmeExamplesTests
{
    public static TheoryData<string> OfflineExamples() => [.. Examples()];

    private static List<string> Examples()
    {
        var readme = File.ReadAllText(Fixtures.Project("README.md"));
        var usingIt = readme[readme.IndexOf("## Using it", StringComparison.Ordinal)..];
        var block = usingIt[(usingIt.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        return [.. block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('#')[0].Trim())];
    }

    [Theory]
    [MemberData(nameof(OfflineExamples))]
    public void Each_planning_example_runs_as_written_and_exits_0(string example)
    {
        example.ShouldStartWith("scripts/uplift ");
        var output = Path.Combine(Path.GetTempPath(), $"uplift-readme-{Guid.NewGuid():N}.yaml");
        try
        {
            var args = example["scripts/uplift ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("examples/", StringComparison.Ordinal) ? Fixtures.Project(a) : a == "/tmp/inventory.yaml" ? output : a)
                .ToArray();
            var (stdout, stderr) = (new StringWriter(), new StringWriter());

            var exit = UpliftCommandLine.Run(args, stdout, stderr);

            exit.ShouldBe(0, $"{example}: {stderr}");
            (stdout.ToString().Length > 0 || File.Exists(output)).ShouldBeTrue($"{example}: printed or wrote nothing");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void The_offline_examples_are_the_ones_found()
    {
        var examples = Examples();

        examples.Count.ShouldBe(6);
        examples.ShouldContain(e => e.Contains("inventory import examples/ansible-hosts.ini", StringComparison.Ordinal));
    }
}
