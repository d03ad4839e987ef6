using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Tests.Catalog;

public class CatalogOverlayTests
{
    private static OpenStackCatalog Overlay(string yaml) => CatalogLoader.WithOverlay(Encoding.UTF8.GetBytes(yaml), "site.yaml");

    private static IReadOnlyList<Diagnostic> Problems(string yaml) => Should.Throw<InputException>(() => Overlay(yaml)).Diagnostics;

    [Fact]
    public void Given_an_overlay_with_a_site_service_When_loading_Then_it_is_added_after_the_services_it_names()
    {
        var catalog = Overlay("""
            services:
              - name: sitemon
                after: [keystone, nova]
                backends:
                  - {name: sitemon, port: 9999, unit: sitemon-api}
                units:
                  controller: [sitemon-api]
                packages:
                  controller: [sitemon]
            """);

        var names = catalog.Services.Select(s => s.Name).ToList();
        names.ShouldContain("sitemon");
        names.IndexOf("sitemon").ShouldBeGreaterThan(names.IndexOf("nova"));
        catalog.FindService("sitemon")!.Backends.ShouldBe([new ApiBackend("sitemon", 9999, "sitemon-api")]);
    }

    [Fact]
    public void Given_an_overlay_naming_an_existing_service_When_loading_Then_only_the_fields_and_roles_it_sets_change()
    {
        var embedded = CatalogLoader.LoadEmbedded().FindService("nova")!;

        var nova = Overlay("""
            services:
              - name: nova
                packages:
                  compute: [python3-nova, nova-compute, nova-compute-ironic]
            """).FindService("nova")!;

        nova.PackagesOn(Role.Compute).ShouldBe(["python3-nova", "nova-compute", "nova-compute-ironic"]);
        nova.PackagesOn(Role.Controller).ShouldBe(embedded.PackagesOn(Role.Controller));
        nova.Backends.ShouldBe(embedded.Backends);
        nova.Database.Sync.ShouldBe(embedded.Database.Sync);
    }

    [Fact]
    public void Given_an_overlay_with_an_exit_code_table_When_a_command_names_it_Then_the_meanings_apply()
    {
        var heat = Overlay("""
            exit-codes:
              strict: {0: done, 3: warning}
            services:
              - name: heat
                upgrade-check: {command: heat-status upgrade check --json, exit-codes: strict}
            """).FindService("heat")!;

        heat.UpgradeCheck!.Command.ShouldBe("heat-status upgrade check --json");
        heat.UpgradeCheck.Meaning(3).ShouldBe(ExitMeaning.Warning);
        heat.UpgradeCheck.Meaning(1).ShouldBe(ExitMeaning.Failure);
    }

    [Fact]
    public void Given_an_overlay_with_dependencies_When_loading_Then_they_are_added_once_to_the_role_lists()
    {
        var catalog = Overlay("""
            dependencies:
              compute: [python3-os-brick, site-agent]
            """);

        var compute = catalog.DependenciesOn(Role.Compute);
        compute.ShouldContain("site-agent");
        compute.Count(p => p == "python3-os-brick").ShouldBe(1);
        catalog.DependenciesOn(Role.Controller).ShouldBe(CatalogLoader.LoadEmbedded().DependenciesOn(Role.Controller));
    }

    [Fact]
    public void Given_an_overlay_with_apt_and_a_version_When_loading_Then_they_replace_the_embedded_ones_and_the_hash_changes()
    {
        var embedded = CatalogLoader.LoadEmbedded();

        var catalog = Overlay("""
            catalog-version: site-3
            apt:
              source-line: "deb http://mirror.example.net/osbpo bookworm-{series}-backports main"
            """);

        catalog.Apt.SourceLine.ShouldStartWith("deb http://mirror.example.net/");
        catalog.Apt.SourcesFile.ShouldBe(embedded.Apt.SourcesFile);
        catalog.Version.ShouldBe($"{embedded.Version}+site-3");
        catalog.ContentHash.ShouldNotBe(embedded.ContentHash);
        Overlay("catalog-version: site-3\n").ContentHash.ShouldNotBe(catalog.ContentHash);
    }

    [Fact]
    public void Given_an_overlay_with_an_unknown_key_Then_the_error_points_at_it_and_lists_the_known_keys()
    {
        var problem = Problems("""
            services:
              - name: nova
                pakages:
                  compute: [nova-compute]
            """).ShouldHaveSingleItem();

        problem.Summary.ShouldBe("unknown key 'pakages' in service 'nova'");
        problem.Where.ShouldBe(new SourceLocation("site.yaml", 3, 5));
        problem.Hint!.ShouldContain("packages");
    }

    [Fact]
    public void Given_an_overlay_ordering_a_service_after_an_unknown_one_Then_the_error_points_at_the_name()
    {
        var problem = Problems("""
            services:
              - name: sitemon
                after: [keystone, novva]
            """).ShouldHaveSingleItem();

        problem.Summary.ShouldBe("service 'sitemon' is ordered after unknown service 'novva'");
        problem.Where.ShouldBe(new SourceLocation("site.yaml", 3, 23));
        problem.Hint!.ShouldContain("nova");
    }

    [Fact]
    public void Given_an_overlay_that_creates_a_cycle_in_after_Then_the_error_names_the_cycle()
    {
        var problem = Problems("""
            services:
              - name: keystone
                after: [sitemon]
              - name: sitemon
                after: [keystone]
            """).ShouldHaveSingleItem();

        problem.Summary.ShouldContain("cycle");
        problem.Summary.ShouldContain("keystone → sitemon → keystone");
        problem.Where.ShouldBe(new SourceLocation("site.yaml", 5, 13));
    }

    [Fact]
    public void Given_an_overlay_with_a_yaml_syntax_error_Then_the_error_has_file_line_and_column()
    {
        var problem = Problems("services:\n  - name: nova\n    after: [keystone\n").ShouldHaveSingleItem();

        problem.Summary.ShouldStartWith("YAML syntax error");
        problem.Where!.File.ShouldBe("site.yaml");
        problem.Where.Line.ShouldBeGreaterThan(0);
        problem.Where.Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Given_an_overlay_with_a_duplicate_key_Then_the_error_points_at_the_second_one()
    {
        var problem = Problems("apt:\n  source-line: a {series}\n  source-line: b {series}\n").ShouldHaveSingleItem();

        problem.Where!.File.ShouldBe("site.yaml");
        problem.Where.Line.ShouldBe(3);
    }

    [Fact]
    public void Given_an_overlay_naming_an_unknown_exit_code_table_Then_the_error_lists_the_known_tables()
    {
        var problem = Problems("""
            services:
              - name: heat
                upgrade-check: {command: heat-status upgrade check, exit-codes: lenient}
            """).ShouldHaveSingleItem();

        problem.Summary.ShouldContain("unknown exit-code table 'lenient'");
        problem.Hint!.ShouldContain("online-migrations");
    }

    [Fact]
    public void Given_an_overlay_with_several_mistakes_Then_they_are_reported_together()
    {
        var problems = Problems("""
            releases: []
            services:
              - name: nova
                backends:
                  - {name: nova, port: 99999, unit: nova-api}
                satellite-roles: [storage]
            """);

        problems.Count.ShouldBe(4);
        problems.Select(p => p.Where!.Line).ShouldBe([1, 5, 5, 6]);
        problems[0].Summary.ShouldContain("cannot change the release list");
        problems[3].Hint!.ShouldContain("controller, network, compute, volume");
    }

    [Fact]
    public void Given_an_empty_overlay_When_loading_Then_the_catalog_equals_the_embedded_one_but_for_its_hash()
    {
        var catalog = Overlay("# nothing here\n");

        catalog.Services.Select(s => s.Name).ShouldBe(CatalogLoader.LoadEmbedded().Services.Select(s => s.Name));
        catalog.ContentHash.ShouldNotBe(CatalogLoader.LoadEmbedded().ContentHash);
    }

    [Fact]
    public void Given_an_overlay_file_on_disk_When_loading_by_path_Then_it_is_applied()
    {
        var path = Path.Combine(Path.GetTempPath(), $"uplift-overlay-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "dependencies:\n  volume: [site-multipath]\n");
        try
        {
            CatalogLoader.Load(path).DependenciesOn(Role.Volume).ShouldContain("site-multipath");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Given_a_missing_overlay_file_When_loading_Then_the_error_names_the_path_and_the_option()
    {
        var problem = Should.Throw<InputException>(() => CatalogLoader.Load("/nonexistent/site.yaml")).Diagnostics.ShouldHaveSingleItem();

        problem.Where!.File.ShouldBe("/nonexistent/site.yaml");
        problem.Hint!.ShouldContain("--catalog");
    }

    [Fact]
    public void Given_no_overlay_path_When_loading_Then_the_cached_embedded_catalog_is_returned() =>
        CatalogLoader.Load(null).ShouldBeSameAs(CatalogLoader.LoadEmbedded());
    [Fact]
    public void Given_an_overlay_with_code_versions_When_loading_Then_they_replace_the_service_entry()
    {
        var catalog = Overlay("""
            code-versions:
              - {service: nova, package: python3-nova, majors: {epoxy: 31, flamingo: 32, gazpacho: 33, hibiscus: 34}}
            """);

        catalog.CodeVersionsOf("nova")!.SeriesOf("2:34.0.0-1").ShouldBe("hibiscus");
        catalog.CodeVersionsOf("keystone")!.SeriesOf("2:27.0.0-1").ShouldBe("epoxy");
    }

    [Fact]
    public void Given_code_versions_naming_an_unknown_series_or_a_major_twice_Then_each_is_reported_where_it_is()
    {
        var problems = Problems("""
            code-versions:
              - {service: nova, package: python3-nova, majors: {epoxi: 31, flamingo: 32, gazpacho: 32}}
            """);

        problems.Select(p => p.Summary).ShouldBe(["unknown release 'epoxi' in code-versions majors", "major version 32 is given to two series"]);
        problems[0].Where.ShouldBe(new SourceLocation("site.yaml", 2, 53));
        problems[0].Hint!.ShouldContain("epoxy");
    }

    [Fact]
    public void Given_service_token_roles_in_an_overlay_Then_they_are_added_and_one_naming_an_unknown_series_or_no_role_is_reported_where_it_is()
    {
        Overlay("""
            service-token-roles:
              - {release: gazpacho, roles: [service], note: "the site's keystonemiddleware is 13"}
            """).ServiceTokenRoles.Select(r => r.Release).ShouldBe(["hibiscus", "gazpacho"]);

        var problems = Problems("""
            service-token-roles:
              - {release: gazpaco, roles: [service], note: "x"}
              - {release: gazpacho, roles: [], note: "x"}
            """);

        problems.Select(p => p.Summary).ShouldBe(["service-token-roles names unknown release 'gazpaco'", "a service-token-roles entry needs release, roles and note"]);
        problems[0].Where.ShouldBe(new SourceLocation("site.yaml", 2, 5));
        problems[0].Hint!.ShouldContain("gazpacho");
    }

    [Fact]
    public void Given_api_microversions_that_are_not_one_or_name_an_unknown_series_Then_each_is_reported_where_it_is()
    {
        var problems = Problems("""
            code-versions:
              - service: nova
                package: python3-nova
                majors: {epoxy: 31}
                api: {unit: nova-api, microversions: {epoxy: 2.x, flamengo: "2.100", gazpacho: "2.103"}}
            """);

        problems.Select(p => p.Summary).ShouldBe(["'2.x' is not a microversion", "unknown release 'flamengo' in api microversions"]);
        problems[0].Where.ShouldBe(new SourceLocation("site.yaml", 5, 50));
        problems[0].Hint!.ShouldContain("\"2.100\"");
    }

    [Fact]
    public void Given_a_database_offline_check_without_a_contract_Then_it_is_reported_where_it_is()
    {
        var problem = Problems("""
            services:
              - name: sitemon
                units:
                  controller: [sitemon-api]
                packages:
                  controller: [sitemon]
                database:
                  expand: [sitemon-manage expand]
                  offline-check: {command: sitemon-manage offline, exit-codes: {0: done, 1: contract-needed}}
            """).ShouldHaveSingleItem();

        problem.Summary.ShouldBe("service 'sitemon' database has an offline-check but no contract");
        problem.Where!.Line.ShouldBe(8);
    }

    [Fact]
    public void Given_an_overlay_with_an_unclosed_bracket_before_a_mapping_line_When_loading_Then_it_is_a_syntax_error_not_a_crash()
    {
        var problem = Should.Throw<InputException>(() => Overlay("services:\n  - name: [\n    x: y\n")).Diagnostics.ShouldHaveSingleItem();

        problem.Summary.ShouldBe("YAML syntax error: a '[' or '{' opened before this place is not closed");
        problem.Where!.Line.ShouldBe(2);
    }

    [Fact]
    public void Given_an_overlay_whose_alternatives_name_a_unit_the_service_does_not_have_When_loading_Then_it_is_refused_naming_it()
    {
        var problems = Problems("""
            services:
              - name: neutron
                alternatives:
                  neutron-serverr: [neutron-api]
            """);

        problems.ShouldContain(p => p.Summary.Contains("'neutron-serverr', which is not one of its units") && p.Where!.File == "site.yaml");
    }

    [Fact]
    public void Given_an_overlay_whose_alternatives_list_nothing_When_loading_Then_it_is_refused_with_the_line()
    {
        var problems = Problems("""
            services:
              - name: neutron
                alternatives:
                  neutron-server: []
            """);

        problems.ShouldContain(p => p.Summary.Contains("alternatives of neutron-server must list the units that replace it") && p.Where!.Line == 4);
    }

    [Fact]
    public void Given_an_overlay_with_series_by_series_When_loading_Then_it_replaces_the_package_s_series()
    {
        var catalog = Overlay("""
            series-by-series:
              rabbitmq-server: ["3.13", "4.0", "4.1", "4.2", "4.3", "4.4"]
            """);

        catalog.SeriesBySeries["rabbitmq-server"][^1].ShouldBe("4.4");
    }

    [Theory]
    [InlineData("rabbitmq-server: [\"4.0\"]", "two or more release series")]
    [InlineData("rabbitmq-server: [\"4.0\", \"four\"]", "'four' is not a major.minor series")]
    [InlineData("rabbitmq-server: [\"4.0\", \"4.0\"]", "each once")]
    public void Given_an_overlay_with_bad_series_by_series_When_loading_Then_it_is_refused_with_the_line(string entry, string expected)
    {
        var problems = Problems("series-by-series:\n  " + entry + "\n");

        problems.ShouldContain(p => p.Summary.Contains(expected) || (p.Hint ?? "").Contains(expected));
        problems.ShouldAllBe(p => p.Where!.Line == 2);
    }
}
