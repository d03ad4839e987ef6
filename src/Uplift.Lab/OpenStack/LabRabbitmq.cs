namespace Uplift.Lab;

/// <summary>
/// The RabbitMQ of a lab of real OpenStack code: this machine's rabbitmq-server (Debian's; scripts/setup installs it),
/// started as the rabbitmq account on the VIP's port 5673 (not 5672: a RabbitMQ of the machine's own keeps its ports) with its
/// node name, data and logs in the state directory.
/// The lab's services talk over it (oslo.messaging, user "openstack"). It is not one of the nodes' packages: Uplift's
/// RabbitMQ steps are rehearsed on the shim lab.
/// </summary>
public static class LabRabbitmq
{
    public const string NodeName = "uplift-lab@localhost";
    public const string User = "openstack";
    public const int Port = 5673;

    public static string Directory(LabPaths paths) => Path.Combine(paths.State, "rabbitmq");

    public static string PidFile(LabPaths paths) => Path.Combine(Directory(paths), "rabbitmq.pid");

    private static Dictionary<string, string> Environment(LabPaths paths) => new()
    {
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = LabLayout.VipAddress,
        ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = "25673",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory(paths), "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Directory(paths), "log"),
        ["RABBITMQ_PID_FILE"] = PidFile(paths),
    };

    public static async Task StartAsync(LabPaths paths, LabSecrets secrets, CancellationToken cancel)
    {
        System.IO.Directory.CreateDirectory(Directory(paths));
        await LocalProgram.CheckAsync("chown", ["rabbitmq:rabbitmq", Directory(paths)], cancel: cancel);
        var environment = Environment(paths);
        var log = Path.Combine(Directory(paths), "server.log");
        await LocalProgram.CheckAsync("/bin/sh", ["-c", "log=$1; exec setsid -f rabbitmq-server </dev/null >>\"$log\" 2>&1", "sh", log],
            environment: environment, cancel: cancel);
        await CtlAsync(paths, ["wait", "--timeout", "60", PidFile(paths)], cancel);
        await CtlAsync(paths, ["await_startup"], cancel);
        // The password reaches rabbitmqctl on stdin (add_user reads it when no password argument is given).
        await LocalProgram.CheckAsync("rabbitmqctl", ["-n", NodeName, "add_user", User], input: secrets.Rabbit + "\n", environment: environment, cancel: cancel);
        await CtlAsync(paths, ["set_permissions", User, ".*", ".*", ".*"], cancel);
    }

    public static async Task StopAsync(LabPaths paths, CancellationToken cancel)
    {
        if (File.Exists(PidFile(paths)))
        {
            await LocalProgram.RunAsync("rabbitmqctl", ["-n", NodeName, "stop", PidFile(paths)], environment: Environment(paths), cancel: cancel);
        }
    }

    private static Task<string> CtlAsync(LabPaths paths, string[] arguments, CancellationToken cancel) =>
        LocalProgram.CheckAsync("rabbitmqctl", ["-n", NodeName, .. arguments], environment: Environment(paths), cancel: cancel);
}
