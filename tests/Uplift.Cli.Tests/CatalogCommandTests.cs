using Uplift.Cli;

namespace Uplift.Tests;

public class CatalogCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = UpliftCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Given_catalog_releases_When_run_Then_every_series_is_listed_with_its_id_and_slurp_and_future_flags()
    {
        var (exit, output, error) = Run("catalog", "releases");

        exit.ShouldBe(0, error);
        var lines = output.Split('\n');
        lines[0].ShouldStartWith("SERIES");
        lines.ShouldContain(l => l.StartsWith("caracal", StringComparison.Ordinal) && l.Contains("2024.1") && l.Contains("yes"));
        lines.Single(l => l.StartsWith("indri", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["indri", "2027.1", "yes", "yes"]);
        lines.Single(l => l.StartsWith("bobcat", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["bobcat", "2023.2", "-", "-"]);
    }

    [Fact]
    public void Given_a_supported_path_When_checking_Then_the_hop_is_printed_and_the_exit_code_is_0()
    {
        var (exit, output, error) = Run("catalog", "path", "caracal", "epoxy");

        exit.ShouldBe(0, error);
        output.ShouldContain("skip-level");
        output.ShouldContain("1. caracal (2024.1) → epoxy (2025.1)");
    }

    [Fact]
    public void Given_bobcat_to_epoxy_When_asking_Then_the_answer_is_why_not_directly_and_the_valid_hops_with_exit_0()
    {
        var (exit, output, error) = Run("catalog", "path", "bobcat", "epoxy");

        exit.ShouldBe(0, error);
        output.ShouldContain("bobcat is not a SLURP release");
        output.ShouldContain("1. bobcat (2023.2) → caracal (2024.1)");
        output.ShouldContain("2. caracal (2024.1) → epoxy (2025.1)  (skip-level)");
        output.ShouldContain("uplift plan --from bobcat --to epoxy --via caracal");
    }

    [Fact]
    public void Given_zed_to_flamingo_When_asking_Then_the_four_hops_are_the_answer()
    {
        var (exit, output, error) = Run("catalog", "path", "zed", "flamingo");

        exit.ShouldBe(0, error);
        output.ShouldContain("--via antelope,caracal,epoxy");
        output.ShouldContain("4. epoxy (2025.1) → flamingo (2025.2)");
    }

    [Fact]
    public void Given_a_downgrade_When_checking_Then_it_is_refused_with_exit_2()
    {
        var (exit, _, error) = Run("catalog", "path", "epoxy", "zed");

        exit.ShouldBe(2);
        error.ShouldContain("downgrade");
    }

    [Fact]
    public void Given_the_same_release_When_checking_Then_it_is_reported_as_a_minor_update()
    {
        var (exit, output, _) = Run("catalog", "path", "epoxy", "2025.1");

        exit.ShouldBe(0);
        output.ShouldContain("minor update");
    }

    [Fact]
    public void Given_an_unknown_release_When_checking_Then_exit_2_lists_the_known_series()
    {
        var (exit, output, error) = Run("catalog", "path", "yoga", "zed");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("unknown release 'yoga'");
        error.ShouldContain("caracal (2024.1)");
    }

    [Fact]
    public void Given_a_misspelt_release_When_checking_Then_the_series_meant_is_proposed()
    {
        var (exit, _, error) = Run("catalog", "path", "epoxy", "flamngo");

        exit.ShouldBe(2);
        error.ShouldContain("unknown release 'flamngo' (did you mean 'flamingo'?)");
    }

    [Theory]
    [InlineData("pln", "'pln': did you mean 'plan'?", "see 'uplift --help'")]
    [InlineData("catalog path epoxy flamingo --catlog x", "'--catlog': did you mean '--catalog'?", "see 'uplift catalog path --help'")]
    public void Given_a_misspelt_command_or_option_When_parsing_Then_the_name_meant_is_proposed_and_exit_2(string line, string proposal, string help)
    {
        var (exit, _, error) = Run(line.Split(' '));

        exit.ShouldBe(2);
        error.ShouldContain(proposal);
        error.ShouldContain(help);
    }

    [Fact]
    public void Given_catalog_services_When_run_Then_services_are_numbered_in_order_with_backends_and_units()
    {
        var (exit, output, error) = Run("catalog", "services");

        exit.ShouldBe(0, error);
        output.ShouldStartWith("1. keystone");
        output.IndexOf(". placement", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf(". nova", StringComparison.Ordinal));
        output.ShouldContain("nova :8774 (nova-api)");
        output.ShouldContain("controller: nova-conductor, nova-scheduler, nova-novncproxy, nova-api-metadata, nova-api");
        output.ShouldContain("barbican (optional)");
    }

    [Fact]
    public void Given_a_release_When_listing_services_Then_its_config_changes_are_listed()
    {
        var (exit, output, error) = Run("catalog", "services", "--release", "dalmatian");

        exit.ShouldBe(0, error);
        var dalmatian = Catalog.CatalogLoader.LoadEmbedded().ConfigChanges.Count(c => c.Release == "dalmatian");
        dalmatian.ShouldBeGreaterThan(2);
        output.ShouldContain($"Config options dalmatian (2024.2) renames or removes: {dalmatian}");
        output.ShouldContain("[database] use_tpool: removed");
        output.ShouldContain("[DEFAULT] allow_additional_image_properties: removed");
    }

    [Fact]
    public void Given_an_unknown_release_When_listing_services_Then_exit_2_and_nothing_is_printed()
    {
        var (exit, output, error) = Run("catalog", "services", "--release", "yoga");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("unknown release 'yoga'");
    }

    [Fact]
    public void Given_an_overlay_When_listing_services_Then_the_site_service_is_shown()
    {
        var overlay = Path.Combine(Path.GetTempPath(), $"uplift-cli-overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(overlay, "services:\n  - name: sitemon\n    after: [keystone]\n    units:\n      controller: [sitemon-api]\n");
        try
        {
            var (exit, output, error) = Run("catalog", "services", "--catalog", overlay);

            exit.ShouldBe(0, error);
            output.ShouldContain("sitemon");
            output.ShouldContain("+overlay");
        }
        finally
        {
            File.Delete(overlay);
        }
    }

    [Fact]
    public void Given_a_broken_overlay_When_listing_releases_Then_exit_2_names_file_line_and_column()
    {
        var overlay = Path.Combine(Path.GetTempPath(), $"uplift-cli-overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(overlay, "services:\n  - name: nova\n    colour: blue\n");
        try
        {
            var (exit, output, error) = Run("catalog", "releases", "--catalog", overlay);

            exit.ShouldBe(2);
            output.ShouldBeEmpty();
            error.ShouldContain($"{overlay}:3:5: unknown key 'colour' in service 'nova'");
        }
        finally
        {
            File.Delete(overlay);
        }
    }
}
