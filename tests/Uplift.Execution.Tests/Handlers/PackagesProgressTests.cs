using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Handlers;

/// <summary>The progress line of a package install names a few packages in full and a whole stack by count.</summary>
public sealed class PackagesProgressTests
{
    [Fact]
    public void Given_a_services_few_packages_When_reported_Then_each_is_named()
    {
        PackagesHandler.Named(["nova-api", "nova-conductor", "python3-nova"]).ShouldBe("nova-api nova-conductor python3-nova");
    }

    [Fact]
    public void Given_a_python_stack_of_hundreds_When_reported_Then_the_count_and_the_first_ones_are_named()
    {
        var stack = Enumerable.Range(1, 412).Select(i => $"python3-lib{i}").ToList();

        var line = PackagesHandler.Named(stack, shown: 3);

        line.ShouldBe("412 packages: python3-lib1 python3-lib2 python3-lib3 … and 409 more");
    }
}
