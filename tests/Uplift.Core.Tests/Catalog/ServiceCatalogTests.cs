using Uplift.Catalog;
using Uplift.Inventory;

namespace Uplift.Tests.Catalog;

public class ServiceCatalogTests
{
    private readonly OpenStackCatalog catalog = CatalogLoader.LoadEmbedded();

    private ServiceDefinition Service(string name) => catalog.FindService(name).ShouldNotBeNull(name);

    private static void ShouldMean(CatalogCommand command, params (int Code, ExitMeaning Meaning)[] table) =>
        table.Select(t => (t.Code, command.Meaning(t.Code))).ShouldBe(table, command.Command);

    private int Position(string name) => catalog.Services.ToList().FindIndex(s => s.Name == name);

    [Fact]
    public void Given_the_catalog_Then_it_has_the_core_services_and_barbican_designate_octavia_as_optional()
    {
        catalog.Services.Where(s => !s.Optional).Select(s => s.Name)
            .ShouldBe(["keystone", "glance", "placement", "nova", "neutron", "cinder", "heat", "horizon"]);
        catalog.Services.Where(s => s.Optional).Select(s => s.Name)
            .ShouldBe(["barbican", "designate", "octavia", "gnocchi", "ceilometer", "aodh", "swift"], ignoreOrder: true);
    }

    [Fact]
    public void Given_the_services_order_Then_every_service_comes_after_the_ones_it_names_so_the_order_is_a_dag()
    {
        foreach (var service in catalog.Services)
        {
            foreach (var before in service.After)
            {
                Position(before).ShouldBeGreaterThanOrEqualTo(0, $"{service.Name} after unknown {before}");
                Position(before).ShouldBeLessThan(Position(service.Name), $"{service.Name} after {before}");
            }
        }
    }

    [Fact]
    public void Given_the_services_order_Then_keystone_is_first_and_every_other_service_is_after_it()
    {
        catalog.Services[0].Name.ShouldBe("keystone");
        catalog.Services.Skip(1).ShouldAllBe(s => s.After.Contains("keystone"));
    }

    [Fact]
    public void Given_the_services_order_Then_placement_comes_before_nova_by_constraint()
    {
        Service("nova").After.ShouldContain("placement");
        Position("placement").ShouldBeLessThan(Position("nova"));
    }

    [Theory]
    [InlineData("keystone", "keystonepub", 5000)]
    [InlineData("glance", "glance", 9292)]
    [InlineData("placement", "placement", 8778)]
    [InlineData("nova", "nova", 8774)]
    [InlineData("nova", "novameta", 8775)]
    [InlineData("neutron", "neutron", 9696)]
    [InlineData("cinder", "cinder", 8776)]
    [InlineData("heat", "heat", 8004)]
    [InlineData("heat", "heatcfn", 8000)]
    [InlineData("horizon", "horizon", 80)]
    [InlineData("barbican", "barbican", 9311)]
    [InlineData("designate", "designate", 9001)]
    [InlineData("octavia", "octavia", 9876)]
    public void Given_a_service_Then_its_haproxy_backend_has_its_api_port_and_a_unit_it_starts(string service, string backend, int port)
    {
        var found = Service(service).Backends.Where(b => b.Name == backend).ShouldHaveSingleItem();
        found.Port.ShouldBe(port);
        Service(service).UnitsOn(Role.Controller).ShouldContain(found.Unit);
    }

    [Fact]
    public void Given_nova_Then_conductor_starts_first_and_api_last_and_computes_run_nova_compute()
    {
        var units = Service("nova").UnitsOn(Role.Controller);
        units[0].ShouldBe("nova-conductor");
        units[^1].ShouldBe("nova-api");
        Service("nova").UnitsOn(Role.Compute).ShouldBe(["nova-compute"]);
        Service("nova").PackagesOn(Role.Compute).ShouldContain("python3-nova");
    }

    [Fact]
    public void Given_cinder_Then_scheduler_starts_before_api_and_volume_before_backup_on_volume_nodes()
    {
        Service("cinder").UnitsOn(Role.Controller).ShouldBe(["cinder-scheduler", "cinder-api"]);
        Service("cinder").UnitsOn(Role.Volume).ShouldBe(["cinder-volume", "cinder-backup"]);
        Service("cinder").SatelliteRoles.ShouldBe([Role.Volume]);
    }

    [Fact]
    public void Given_neutron_Then_servers_run_on_controllers_and_the_l2_agent_starts_before_l3_dhcp_metadata()
    {
        Service("neutron").UnitsOn(Role.Controller).ShouldBe(["neutron-server"]);
        var network = Service("neutron").UnitsOn(Role.Network);
        network[0].ShouldBe("neutron-openvswitch-agent");
        network.ShouldContain("neutron-l3-agent");
        network.ShouldContain("neutron-dhcp-agent");
        network.ShouldContain("neutron-metadata-agent");
        Service("neutron").UnitsOn(Role.Compute).ShouldBe(["neutron-openvswitch-agent"]);
    }

    [Fact]
    public void Given_a_node_with_debians_split_neutron_server_Then_neutron_on_it_has_neutron_api_and_rpc_server_and_its_api_on_neutron_api()
    {
        var neutron = Service("neutron");
        var split = new Node("ctl2", "10.0.0.2", [Role.Controller]) { Alternatives = ["neutron-server"] };

        neutron.Alternatives["neutron-server"].ShouldBe(["neutron-api", "neutron-rpc-server"]);
        var on = neutron.On(split);
        on.UnitsOn(Role.Controller).ShouldBe(["neutron-api", "neutron-rpc-server"]);
        on.PackagesOn(Role.Controller).ShouldBe(["python3-neutron", "neutron-common", "neutron-api", "neutron-rpc-server"]);
        on.Backends.ShouldBe([new ApiBackend("neutron", 9696, "neutron-api")]);
        on.UnitsOn(Role.Network).ShouldBe(neutron.UnitsOn(Role.Network));
        neutron.On(new Node("ctl1", "10.0.0.1", [Role.Controller])).ShouldBeSameAs(neutron);
        Service("nova").On(split).ShouldBeSameAs(Service("nova"));
    }

    [Fact]
    public void Given_keystone_Then_its_schema_check_exit_codes_say_what_is_needed()
    {
        var database = Service("keystone").Database;
        database.Expand.ShouldHaveSingleItem().Command.ShouldBe("keystone-manage db_sync --expand");
        database.Contract.ShouldHaveSingleItem().Command.ShouldBe("keystone-manage db_sync --contract");
        var check = database.Check.ShouldNotBeNull();
        check.Command.ShouldBe("keystone-manage db_sync --check");
        ShouldMean(check, (0, ExitMeaning.Done), (1, ExitMeaning.Failure), (2, ExitMeaning.ExpandNeeded), (3, ExitMeaning.Failure), (4, ExitMeaning.ContractNeeded));
    }

    [Fact]
    public void Given_nova_Then_api_db_sync_runs_before_db_sync_and_online_migrations_run_in_batches()
    {
        Service("nova").Database.Sync.Select(c => c.Command).ShouldBe(["nova-manage api_db sync", "nova-manage db sync"]);
        Service("nova").OnlineMigrations!.Command.ShouldStartWith("nova-manage db online_data_migrations --max-count ");
        Service("nova").RpcPin.ShouldBe(new RpcPin("/etc/nova/nova.conf", "upgrade_levels", "compute", "auto"));
    }

    [Fact]
    public void Given_neutron_Then_expand_and_contract_are_separate_alembic_branches()
    {
        Service("neutron").Database.Expand.ShouldHaveSingleItem().Command.ShouldBe("neutron-db-manage upgrade --expand");
        Service("neutron").Database.Contract.ShouldHaveSingleItem().Command.ShouldBe("neutron-db-manage upgrade --contract");
    }

    /// <summary>neutron/db/migration/cli.py has_offline_migrations: exit 1 when a contract revision is not applied.</summary>
    [Fact]
    public void Given_neutron_Then_its_contract_is_offline_when_has_offline_migrations_exits_1_and_no_other_service_s_is()
    {
        var check = Service("neutron").Database.OfflineCheck.ShouldNotBeNull();

        check.Command.ShouldBe("neutron-db-manage has_offline_migrations");
        (check.Meaning(0), check.Meaning(1), check.Meaning(2)).ShouldBe((ExitMeaning.Done, ExitMeaning.ContractNeeded, ExitMeaning.Failure));
        catalog.Services.Where(s => s.Database.OfflineCheck is not null).Select(s => s.Name).ShouldBe(["neutron"]);
    }

    [Theory]
    [InlineData("nova", "--max-count")]
    [InlineData("placement", "--max-count")]
    [InlineData("cinder", "--max_count")]
    public void Given_online_migrations_Then_exit_codes_mean_done_again_failure_bad_input(string service, string flag)
    {
        var online = Service(service).OnlineMigrations.ShouldNotBeNull();
        online.Command.ShouldContain(flag);
        ShouldMean(online, (0, ExitMeaning.Done), (1, ExitMeaning.Again), (2, ExitMeaning.Failure), (127, ExitMeaning.BadInput));
    }

    [Fact]
    public void Given_every_upgrade_check_Then_it_is_the_status_command_and_its_exit_codes_mean_success_warning_failure()
    {
        var checks = catalog.Services.Where(s => s.UpgradeCheck is not null).ToList();
        checks.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var service in checks)
        {
            var check = service.UpgradeCheck!;
            check.Command.ShouldBe($"{service.Name}-status upgrade check");
            ShouldMean(check, (0, ExitMeaning.Done), (1, ExitMeaning.Warning), (2, ExitMeaning.Failure), (255, ExitMeaning.Failure));
        }
    }

    [Fact]
    public void Given_every_service_Then_each_role_with_units_also_has_packages_to_install()
    {
        foreach (var service in catalog.Services)
        {
            foreach (var role in service.Units.Keys)
            {
                service.PackagesOn(role).ShouldNotBeEmpty($"{service.Name} on {role}");
            }
        }
    }

    [Fact]
    public void Given_the_dependencies_Then_every_role_has_a_list_with_its_role_specific_packages()
    {
        // Ceph nodes are left alone and the puppet master is moved whole (dist-upgrade): no dependency list of their own.
        catalog.DependenciesOn(Role.Ceph).ShouldBeEmpty();
        catalog.DependenciesOn(Role.PuppetMaster).ShouldBeEmpty();
        foreach (var role in Enum.GetValues<Role>().Where(r => r is not (Role.Ceph or Role.PuppetMaster)))
        {
            catalog.DependenciesOn(role).ShouldNotBeEmpty(role.ToString());
        }
        catalog.DependenciesOn(Role.Controller).ShouldContain("python3-oslo.messaging");
        catalog.DependenciesOn(Role.Compute).ShouldContain("python3-libvirt");
        catalog.DependenciesOn(Role.Network).ShouldContain("python3-openvswitch");
    }

    [Fact]
    public void Given_the_infrastructure_packages_Then_daemons_restarted_by_their_maintainer_scripts_are_there_and_not_in_the_dependencies()
    {
        catalog.InfrastructureOn(Role.Controller).ShouldBe(["rabbitmq-server", "keepalived"]);
        catalog.InfrastructureOn(Role.Compute).ShouldBe(["libvirt-daemon-system", "qemu-system-x86", "openvswitch-switch", "openvswitch-common"]);
        catalog.InfrastructureOn(Role.Network).ShouldBe(["openvswitch-switch", "openvswitch-common", "keepalived"]);
        foreach (var role in Enum.GetValues<Role>())
        {
            catalog.DependenciesOn(role).Intersect(catalog.InfrastructureOn(role)).ShouldBeEmpty(role.ToString());
        }
    }
}
