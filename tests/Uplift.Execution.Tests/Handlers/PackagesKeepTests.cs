using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Handlers;

/// <summary>
/// A compute upgraded in place keeps its hypervisor stack: apt is asked first what the install would unpack (real apt 3.0
/// output, Samples/apt-simulate), and an install that would move a kept package is refused before anything changes.
/// </summary>
public sealed class PackagesKeepTests : IDisposable
{
    private static string Sample(string name) =>
        File.ReadAllText(Uplift.Testing.Fixtures.Project($"tests/Uplift.Execution.Tests/Samples/apt-simulate/{name}"));

    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _cmp1 = new("cmp1");

    public PackagesKeepTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = _ => _cmp1;
        _cmp1.Installed["python3-nova"] = "2:31.0.0-6+deb13u3";
        _cmp1.Candidates["python3-nova"] = "2:33.0.2-1";
    }

    public void Dispose() => _run.Dispose();

    private static Plan PlanKeeping(params string[] keep) => new TestPlan().Class("default", 1)
        .Step("computes/cmp1/install", PackagesInstallStep.Kind, node: "cmp1",
            arguments: [.. new PackagesInstallStep(new PackageTarget(["python3-nova"], null, new Dictionary<string, int>()), keep).Write().Select(a => (a.Key, a.Value))])
        .Build();

    [Fact]
    public void The_simulation_lists_each_package_it_would_unpack_with_its_versions()
    {
        var changes = AptSimulation.Parse(Sample("trixie_nova_to_forky.stdout.txt"));

        changes.Count.ShouldBe(13, "12 upgraded, 1 newly installed");
        changes.ShouldContain(new AptSimulation.Change("python3-nova", "2:31.0.0-6+deb13u3", "2:33.0.2-1"));
        changes.ShouldContain(new AptSimulation.Change("python3-cotyledon", null, "2.2.0-3"));
        changes.ShouldNotContain(c => c.Package.StartsWith("libvirt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_simulation_that_pulls_the_hypervisor_stack_names_it()
    {
        var changes = AptSimulation.Parse(Sample("trixie_libvirt_to_forky.stdout.txt"));

        changes.Count.ShouldBe(130);
        changes.ShouldContain(new AptSimulation.Change("libvirt-daemon-system", "11.3.0-3+deb13u3", "12.8.0-1"));
        changes.ShouldContain(new AptSimulation.Change("libvirt-daemon", "11.3.0-3+deb13u3", "12.8.0-1"));
    }

    [Fact]
    public async Task Given_an_install_that_would_move_a_kept_package_When_run_Then_it_is_refused_and_nothing_is_installed()
    {
        _cmp1.Answers[AptSimulation.Install(["python3-nova"])] = (0, Sample("trixie_libvirt_to_forky.stdout.txt"));

        var summary = await _run.RunAsync(PlanKeeping("libvirt-daemon-system", "qemu-system-x86"));

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        var failure = _run.Journal.Steps(PlanKeeping().InputsHash)["computes/cmp1/install"];
        failure.State.ShouldBe(StepState.Failed);
        failure.Message!.ShouldContain("libvirt-daemon-system 11.3.0-3+deb13u3 → 12.8.0-1");
        failure.Message.ShouldContain("--live-migrate");
        _cmp1.Count("DEBIAN_FRONTEND=noninteractive apt-get install").ShouldBe(0);
        _cmp1.Installed["python3-nova"].ShouldBe("2:31.0.0-6+deb13u3");
    }

    [Fact]
    public async Task Given_an_install_that_leaves_the_kept_packages_When_run_Then_it_installs()
    {
        _cmp1.Answers[AptSimulation.Install(["python3-nova"])] = (0, Sample("trixie_nova_to_forky.stdout.txt"));

        var summary = await _run.RunAsync(PlanKeeping("libvirt-daemon-system", "qemu-system-x86"));

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _cmp1.Installed["python3-nova"].ShouldBe("2:33.0.2-1");
        _cmp1.Count(AptSimulation.Install([])).ShouldBe(1);
    }

    [Fact]
    public async Task Given_nothing_to_keep_When_run_Then_apt_is_not_asked_to_simulate()
    {
        var summary = await _run.RunAsync(PlanKeeping());

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _cmp1.Count("LC_ALL=C apt-get -s").ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_dependency_upgrade_that_would_move_a_kept_package_When_run_Then_it_is_refused_too()
    {
        _cmp1.Answers[AptSimulation.Install(["python3-nova"])] = (0, Sample("trixie_libvirt_to_forky.stdout.txt"));
        var plan = new TestPlan().Class("default", 1)
            .Step("computes/cmp1/dependencies", DependenciesUpgradeStep.Kind, node: "cmp1",
                arguments: [.. new DependenciesUpgradeStep(["python3-nova"], ["libvirt-daemon-system"]).Write().Select(a => (a.Key, a.Value))])
            .Build("deps");

        var summary = await _run.RunAsync(plan);

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        _run.Journal.Steps("deps")["computes/cmp1/dependencies"].Message!.ShouldContain("libvirt-daemon-system 11.3.0-3+deb13u3 → 12.8.0-1");
        _cmp1.Installed["python3-nova"].ShouldBe("2:31.0.0-6+deb13u3");
    }

    [Fact]
    public async Task Given_prepare_s_dependency_upgrade_that_would_move_a_service_s_code_When_run_Then_it_is_refused_with_the_reason()
    {
        // Real apt output: what pulls python3-nova 2:31 → 2:33 must wait for nova's own steps, after nova's schema expand.
        _cmp1.Installed["python3-oslo.db"] = "16.1.0-2";
        _cmp1.Candidates["python3-oslo.db"] = "18.1.1-2";
        _cmp1.Answers[AptSimulation.Install(["python3-oslo.db"])] = (0, Sample("trixie_nova_to_forky.stdout.txt"));
        const string reason = "packages of the node's OpenStack services, whose new code starts in each service's own steps";
        var plan = new TestPlan().Class("default", 1)
            .Step("prepare/cmp1/dependencies", DependenciesUpgradeStep.Kind, node: "cmp1",
                arguments: [.. new DependenciesUpgradeStep(["python3-oslo.db"], ["nova-common", "python3-nova"], reason).Write().Select(a => (a.Key, a.Value))])
            .Build("service-code");

        var summary = await _run.RunAsync(plan);

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        var message = _run.Journal.Steps("service-code")["prepare/cmp1/dependencies"].Message!;
        message.ShouldContain("python3-nova 2:31.0.0-6+deb13u3 → 2:33.0.2-1: " + reason);
        message.ShouldNotContain("--live-migrate");
        _cmp1.Count("DEBIAN_FRONTEND=noninteractive apt-get install").ShouldBe(0);
        _cmp1.Installed["python3-oslo.db"].ShouldBe("16.1.0-2");
    }
}
