using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>
/// The lab of real OpenStack code: every node runs Debian trixie's Epoxy packages and units (read on the node over SSH,
/// as root, chrooted into its own tree), the real APIs answer through the VIP, and Uplift's own service checks and
/// compute-dance handlers work against the real nova and cinder.
/// </summary>
[Collection("openstack lab")]
public sealed class OpenStackLabTests(OpenStackLabFixture lab)
{
    [Fact]
    public async Task Given_the_lab_up_When_each_node_is_asked_over_ssh_Then_it_runs_trixies_epoxy_packages_and_its_units()
    {
        foreach (var node in lab.Lab.Nodes)
        {
            var package = node.Role == Role.Volume ? "python3-cinder" : "python3-nova";
            var units = OpenStackNodes.Units(node.Role);

            var version = await lab.SucceedAsync(node.Name, $"dpkg-query -W -f='${{Version}}' {package}");
            var active = await lab.SshAsync(node.Name, "systemctl is-active " + string.Join(' ', units));

            var major = lab.Lab.Catalog.CodeVersionsOf(node.Role == Role.Volume ? "cinder" : "nova")!.Majors["epoxy"];
            version.Output.ShouldStartWith($"2:{major}.", customMessage: node.Name);
            active.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(s => s == "active", $"{node.Name}: {active.Output}");
        }
    }

    [Fact]
    public async Task Given_the_lab_up_When_a_command_runs_over_ssh_beside_a_unit_Then_the_command_is_in_the_work_cpu_group_and_the_unit_in_the_units()
    {
        var cpu = CpuGroups.Find().ShouldNotBeNull("this machine has no CPU cgroup: the lab's nodes would starve each other's APIs");

        var session = await lab.SucceedAsync("ctl2", "cat /proc/self/cgroup");
        var unit = await lab.SucceedAsync("ctl2", "cat /proc/$(cat /run/uplift-units/nova-api.service.pid)/cgroup");
        var compute = await lab.SucceedAsync("cmp1", "cat /proc/$(cat /run/uplift-units/nova-compute.service.pid)/cgroup");

        session.Output.Split('\n').ShouldContain(l => l.EndsWith(":/" + Path.GetFileName(cpu.Work), StringComparison.Ordinal), session.Output);
        unit.Output.Split('\n').ShouldContain(l => l.EndsWith(":/" + Path.GetFileName(cpu.Units), StringComparison.Ordinal), unit.Output);
        compute.Output.Split('\n').ShouldContain(l => l.EndsWith(":/" + Path.GetFileName(cpu.Units), StringComparison.Ordinal), compute.Output);
    }

    [Fact]
    public async Task Given_debians_puppet_agent_When_uplift_disables_it_Then_puppet_refuses_to_run_and_once_enabled_the_lock_is_gone()
    {
        var before = await lab.SucceedAsync("cmp2", Nodes.Puppet.Query);
        await lab.SucceedAsync("cmp2", Nodes.Puppet.Disable("Uplift test: upgrade in progress"));
        var disabled = await lab.SucceedAsync("cmp2", Nodes.Puppet.Query);
        var run = await lab.SshAsync("cmp2", "puppet agent --test --detailed-exitcodes 2>&1");
        await lab.SucceedAsync("cmp2", Nodes.Puppet.Enable + "; systemctl stop puppet");
        var enabled = await lab.SucceedAsync("cmp2", Nodes.Puppet.Query);

        before.Output.Split('\n')[0].ShouldBe("enabled");
        Nodes.Puppet.IsSettled(disabled.Output, disabled: true).ShouldBeTrue(disabled.Output);
        run.ExitCode.ShouldBe(1);
        Nodes.Puppet.RunMeaning(run.ExitCode).Succeeded.ShouldBeFalse();
        run.Output.ShouldContain("administratively disabled (Reason: 'Uplift test: upgrade in progress')");
        Nodes.Puppet.IsSettled(enabled.Output, disabled: false).ShouldBeTrue(enabled.Output);
    }

    [Fact]
    public async Task Given_the_lab_up_When_a_node_asks_apt_Then_it_keeps_its_roles_packages_only_and_its_apt_sees_the_targets_mirror()
    {
        var computeApi = await lab.SshAsync("cmp1", "dpkg-query -W -f='${Status}' nova-api");
        var controllerCompute = await lab.SshAsync("ctl1", "dpkg-query -W -f='${Status}' nova-compute");
        var line = TargetMirror.SourceLine(TargetSuite.For("epoxy")!);
        var mirror = await lab.SucceedAsync("cmp1", $"echo '{line}' > /etc/apt/sources.list.d/uplift-test.list && apt-get -q update >/dev/null"
            + " && apt-cache policy nova-compute; rm -f /etc/apt/sources.list.d/uplift-test.list");

        computeApi.Output.ShouldNotContain("install ok installed", customMessage: "a compute has no nova-api");
        controllerCompute.Output.ShouldNotContain("install ok installed", customMessage: "a controller has no nova-compute");
        mirror.Output.ShouldContain("Candidate: 2:" + lab.Lab.Catalog.CodeVersionsOf("nova")!.Majors["gazpacho"] + ".");
        File.ReadAllText(lab.Paths.Catalog).ShouldContain(line);
    }

    [Fact]
    public async Task Given_the_real_cloud_When_uplifts_service_check_runs_Then_every_nova_and_cinder_service_is_up()
    {
        var cloud = Cloud();
        var reports = new List<string>();

        await new ServicesUpHandler(cloud).ActAsync(Step("services-up", reports, ("services", "keystone nova cinder")));
        var computes = await new ComputeClient(cloud.Session).ServicesAsync(binary: "nova-compute");

        computes.Select(s => s.Host).ShouldBe(["cmp1", "cmp2"], ignoreOrder: true);
        computes.ShouldAllBe(s => s.State == ServiceState.Up);
        // 2 conductors, 2 schedulers, 2 computes; 2 cinder schedulers and vol1's volume service.
        reports.ShouldContain("6 nova services, 3 cinder services up");
    }

    [Fact]
    public async Task Given_the_schemas_made_on_ctl1_When_ctl2s_code_checks_them_Then_they_are_current()
    {
        var keystone = await lab.SshAsync("ctl2", "runuser -u keystone -- keystone-manage db_sync --check");
        var neutron = await lab.SucceedAsync("ctl2", "runuser -u neutron -- neutron-db-manage current 2>/dev/null");
        var offline = await lab.SshAsync("ctl2", "runuser -u neutron -- neutron-db-manage has_offline_migrations 2>/dev/null");

        keystone.ExitCode.ShouldBe(0, keystone.Error);
        neutron.Output.Split('\n').Count(l => l.EndsWith("(head)", StringComparison.Ordinal)).ShouldBe(2, neutron.Output);
        (offline.ExitCode, offline.Output.Trim()).ShouldBe((0, "No offline migrations pending."));
    }

    /// <summary>Pre-flight's service-token roles against the real keystone and the real nova.conf of a compute: nova's
    /// service user holds service (the lab gives it), and without it the step refuses naming the fix; the role is given back.</summary>
    [Fact]
    public async Task Given_the_real_keystone_and_nova_conf_When_the_service_token_roles_are_checked_Then_nova_passes_and_without_the_role_is_refused()
    {
        using var cloud = Cloud();
        var inventory = InventoryLoader.Load(lab.Paths.Inventory);
        await using var transport = new OpenSshTransport(inventory.Ssh, new OpenSshOptions(), TimeProvider.System);
        var check = new CheckServiceTokenRolesStep(["/etc/nova/nova.conf", "/etc/neutron/neutron.conf"], ["service"], "keystonemiddleware 13");
        var reports = new List<string>();
        StepContext Context() => new(new PlanStep("preflight/cmp1/service-token-roles", CheckServiceTokenRolesStep.Kind, "preflight", null, ["cmp1"],
            [.. check.Write()], "nodes", [], [], 0, false, "g"), node => transport.ShellFor(inventory.Find(node)!), TimeProvider.System,
            reports.Add, CancellationToken.None);
        var assignment = await NovaServiceRoleAsync(cloud.Session);

        await new ServiceTokenRolesHandler(cloud).ActAsync(Context());
        reports.ShouldContain("1 service user(s) (nova) hold service");

        await cloud.Session.SendAsync(OpenStackService.Identity, new ApiRequest(HttpMethod.Delete, assignment));
        try
        {
            var refused = await Should.ThrowAsync<StepFailedException>(() => new ServiceTokenRolesHandler(cloud).ActAsync(Context()));
            refused.Message.ShouldStartWith("on cmp1: /etc/nova/nova.conf [service_user] user nova (domain Default) on project service (domain Default): holds none of the roles service");
            refused.Message.ShouldContain("openstack role add --user nova --user-domain Default --project service --project-domain Default service");
        }
        finally
        {
            await cloud.Session.SendAsync(OpenStackService.Identity, new ApiRequest(HttpMethod.Put, assignment));
        }
    }

    /// <summary>The path of nova's assignment of the service role on its project (keystone's own link, below /v3).</summary>
    private static async Task<string> NovaServiceRoleAsync(OpenStackSession session)
    {
        var role = KeystoneRoles.ParseIds((await session.SendAsync(OpenStackService.Identity, IdentityRequests.RolesNamed("service"))).Body).Single();
        var answer = System.Text.Json.Nodes.JsonNode.Parse((await session.SendAsync(OpenStackService.Identity, IdentityRequests.HoldersOf(role))).Body)!;
        var link = answer["role_assignments"]!.AsArray().Single(a => (string?)a!["user"]!["name"] == "nova")!["links"]!["assignment"]!.GetValue<string>();
        return link[link.IndexOf("/projects/", StringComparison.Ordinal)..];
    }

    private static ComputeCloud Cloud(OpenStackLabFixture lab) => new(() => new OpenStackSession(
        CloudsYaml.Parse(File.ReadAllText(lab.Paths.CloudsYaml), lab.Paths.CloudsYaml, LabCloud.Name), TimeProvider.System));

    private ComputeCloud Cloud() => Cloud(lab);

    private static StepContext Step(string name, List<string> reports, params (string Key, string Value)[] arguments)
    {
        var step = new PlanStep($"lab/{name}", CheckServicesUpStep.Kind, "computes", "nova", [],
            [.. arguments.Select(a => new KeyValuePair<string, string>(a.Key, a.Value))], "computes", [], [], 0, false, "g");
        return new StepContext(step, node => throw new InvalidOperationException($"no shell wanted on {node}"), TimeProvider.System,
            reports.Add, CancellationToken.None);
    }
}
