using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Compute;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests.Handlers;

/// <summary>Pre-flight's service-token roles: each [service_user] that sends service tokens, read on the node, must hold a
/// required role on its project in keystone (the lab's real answers); one that does not fails the step, naming the fix.</summary>
public sealed class ServiceTokenRolesTests : IDisposable
{
    private const string Nova = "/etc/nova/nova.conf";
    private const string Cinder = "/etc/cinder/cinder.conf";
    private const string Neutron = "/etc/neutron/neutron.conf";

    private readonly TestClock _time = new();
    private readonly FakeCloud _keystone = new();
    private readonly ComputeCloud _cloud;
    private readonly FakeNode _ctl1 = new("ctl1");

    public ServiceTokenRolesTests()
    {
        _cloud = _keystone.Cloud(_time);
        ServiceUserIn(Nova, ("send_service_user_token", "true"), ("username", "nova"), ("user_domain_name", "Default"),
            ("project_name", "service"), ("project_domain_name", "Default"));
        ServiceUserIn(Cinder, ("send_service_user_token", "True"), ("username", "cinder"), ("user_domain_id", "default"),
            ("project_name", "service"), ("project_domain_id", "default"));
        ServiceUserIn(Neutron);
    }

    public void Dispose() => _cloud.Dispose();

    /// <summary>The file's [service_user] answers: the options given are set, every other one is not.</summary>
    private void ServiceUserIn(string file, params (string Option, string Value)[] set)
    {
        foreach (var option in new[] { "send_service_user_token", "username", "user_domain_name", "user_domain_id", "project_name", "project_domain_name", "project_domain_id" })
        {
            var value = set.FirstOrDefault(s => s.Option == option).Value;
            _ctl1.Answers[IniOption.Get(file, ServiceUser.Section, option)] = value is null ? (1, "") : (0, value + "\n");
        }
    }

    private StepContext Step() => new(new PlanStep("preflight/service-token-roles", CheckServiceTokenRolesStep.Kind, "preflight", null, ["ctl1"],
        [.. new CheckServiceTokenRolesStep([Nova, Cinder, Neutron], ["service"], "keystonemiddleware 13.0.0 requires it").Write()],
        "cluster", [], [], 0, false, "g"), _ => _ctl1, _time, _ => { }, CancellationToken.None);

    [Fact]
    public async Task Given_the_service_users_holding_service_in_keystone_When_checked_Then_the_step_passes_naming_them_in_one_round_trip()
    {
        var step = Step();

        await new ServiceTokenRolesHandler(_cloud).ActAsync(step);

        step.Notes.ShouldContain("2 service user(s) (nova, cinder) hold service");
        _ctl1.RoundTrips.ShouldBe(1);
        _keystone.Requests.ShouldContain("GET /identity/v3/roles?name=service");
        _keystone.Requests.ShouldContain("GET /identity/v3/role_assignments?role.id=38dc5a1a1b694fe687933aa11570b93f&effective=true&include_names=true");
    }

    [Fact]
    public async Task Given_a_service_user_without_the_role_When_checked_Then_the_step_fails_naming_the_user_its_file_and_the_command_that_assigns_it()
    {
        ServiceUserIn(Nova, ("send_service_user_token", "true"), ("username", "nova-svc"), ("user_domain_name", "Default"),
            ("project_name", "service"), ("project_domain_name", "Default"));

        var failure = await Should.ThrowAsync<StepFailedException>(() => new ServiceTokenRolesHandler(_cloud).ActAsync(Step()));

        failure.Message.ShouldStartWith("on ctl1: /etc/nova/nova.conf [service_user] user nova-svc (domain Default) on project service (domain Default): holds none of the roles service");
        failure.Message.ShouldContain("keystonemiddleware 13.0.0 requires it");
        failure.Message.ShouldContain("openstack role add --user nova-svc --user-domain Default --project service --project-domain Default service, then resume");
        failure.Message.ShouldNotContain("cinder.conf", customMessage: "cinder's user holds the role (its domains given by id)");
    }

    [Fact]
    public async Task Given_keystone_without_the_role_When_checked_Then_every_sender_fails()
    {
        _keystone.RolesAnswer = """{"roles": [], "links": {}}""";

        var failure = await Should.ThrowAsync<StepFailedException>(() => new ServiceTokenRolesHandler(_cloud).ActAsync(Step()));

        failure.Message.ShouldContain("user nova ");
        failure.Message.ShouldContain("user cinder ");
    }

    [Fact]
    public async Task Given_a_sender_that_names_no_user_When_checked_Then_the_step_fails_naming_the_file()
    {
        ServiceUserIn(Cinder, ("send_service_user_token", "true"), ("project_name", "service"));

        var failure = await Should.ThrowAsync<StepFailedException>(() => new ServiceTokenRolesHandler(_cloud).ActAsync(Step()));

        failure.Message.ShouldBe("on ctl1: /etc/cinder/cinder.conf [service_user] sends service tokens but names no username or project_name (project_id is not supported)");
        _keystone.Requests.ShouldNotContain(r => r.Contains("role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_no_service_sending_service_tokens_When_checked_Then_keystone_is_not_asked()
    {
        ServiceUserIn(Nova, ("send_service_user_token", "false"), ("username", "nova"), ("project_name", "service"));
        ServiceUserIn(Cinder);
        var step = Step();

        await new ServiceTokenRolesHandler(_cloud).ActAsync(step);

        step.Notes.ShouldHaveSingleItem().ShouldStartWith("ctl1: no service sends service tokens");
        _keystone.Requests.ShouldBeEmpty();
    }
}
