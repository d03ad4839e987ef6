using System.Diagnostics;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>Where the lab node's systemctl (a Python runner of the real units) looks for a failed service's own log, the
/// runner's own function asked through python3.</summary>
public sealed class NodeRunnerLogTests
{
    [Theory]
    [InlineData("nova-conductor.service", "/var/log/nova/nova-conductor.log")]
    [InlineData("keystone.service", "/var/log/keystone/keystone.log")]
    [InlineData("neutron-rpc-server.service", "/var/log/neutron/neutron-rpc-server.log")]
    public void Given_a_unit_When_its_own_log_is_named_Then_it_is_where_Debian_has_the_service_write(string unit, string log)
    {
        var runner = Fixtures.Project("src/Uplift.Lab/OpenStack/node/systemctl");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import importlib.machinery, importlib.util, sys\n" +
            "loader = importlib.machinery.SourceFileLoader('runner', sys.argv[1])\n" +
            "module = importlib.util.module_from_spec(importlib.util.spec_from_loader('runner', loader))\n" +
            "loader.exec_module(module)\n" +
            "print(module.own_log(sys.argv[2]))");
        start.ArgumentList.Add(runner);
        start.ArgumentList.Add(unit);
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();

        python.ExitCode.ShouldBe(0, error);
        output.Trim().ShouldBe(log);
    }
}
