using System.Diagnostics;
using Uplift.Nodes;

namespace Uplift.Tests.Adapters;

/// <summary>Runs the built awk commands with the real /bin/sh and awk on a temporary file.</summary>
public sealed class IniOptionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"uplift-ini-{Guid.NewGuid():N}.conf");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Given_a_section_without_the_option_When_set_Then_it_is_added_inside_that_section()
    {
        File.WriteAllText(_file, "[DEFAULT]\ndebug = false\n[upgrade_levels]\ncert = x\n[api]\nauth = keystone\n");

        Shell(IniOption.Set(_file, "upgrade_levels", "compute", "auto")).ShouldBe(0);

        File.ReadAllText(_file).ShouldBe("[DEFAULT]\ndebug = false\n[upgrade_levels]\ncert = x\ncompute = auto\n[api]\nauth = keystone\n");
        Shell(IniOption.Get(_file, "upgrade_levels", "compute"), out var value).ShouldBe(0);
        value.ShouldBe("auto\n");
    }

    [Fact]
    public void Given_the_option_set_twice_When_set_Then_one_line_with_the_new_value_remains()
    {
        File.WriteAllText(_file, "[upgrade_levels]\ncompute=2.0\n  compute = 3.0\n[other]\ncompute = keep\n");

        Shell(IniOption.Set(_file, "upgrade_levels", "compute", "auto")).ShouldBe(0);

        File.ReadAllText(_file).ShouldBe("[upgrade_levels]\ncompute = auto\n[other]\ncompute = keep\n");
    }

    [Fact]
    public void Given_no_such_section_When_set_Then_the_section_is_appended()
    {
        File.WriteAllText(_file, "[DEFAULT]\ndebug = false\n");

        Shell(IniOption.Set(_file, "upgrade_levels", "compute", "auto")).ShouldBe(0);

        File.ReadAllText(_file).ShouldBe("[DEFAULT]\ndebug = false\n\n[upgrade_levels]\ncompute = auto\n");
    }

    [Fact]
    public void Given_a_pinned_option_When_removed_Then_only_that_option_of_that_section_goes()
    {
        File.WriteAllText(_file, "[upgrade_levels]\ncompute = auto\ncert = x\n[other]\ncompute = keep\n");

        Shell(IniOption.Remove(_file, "upgrade_levels", "compute")).ShouldBe(0);

        File.ReadAllText(_file).ShouldBe("[upgrade_levels]\ncert = x\n[other]\ncompute = keep\n");
        Shell(IniOption.Get(_file, "upgrade_levels", "compute")).ShouldBe(1);
    }

    [Fact]
    public void Given_a_value_with_a_backslash_When_set_Then_it_is_refused() =>
        Should.Throw<ArgumentException>(() => IniOption.Set(_file, "a", "b", "c\\d"));

    [Fact]
    public void Given_Debian_trixies_nova_api_paste_ini_When_the_healthcheck_filter_is_asked_Then_it_is_found_and_gone_from_forkys()
    {
        var trixie = Uplift.Testing.Fixtures.Project("tests/Uplift.Execution.Tests/Samples/api-paste/nova_trixie_2-31.0.0.ini");
        var forky = Uplift.Testing.Fixtures.Project("tests/Uplift.Execution.Tests/Samples/api-paste/nova_forky_2-33.0.2.ini");

        Shell(IniOption.Get(trixie, "filter:healthcheck", "use"), out var value).ShouldBe(0);
        value.ShouldBe("egg:oslo.middleware#healthcheck\n");
        Shell(IniOption.Get(forky, "filter:healthcheck", "use")).ShouldBe(1);
    }

    private static int Shell(string script) => Shell(script, out _);

    private static int Shell(string script, out string output)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true })!;
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
