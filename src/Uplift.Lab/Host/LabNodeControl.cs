namespace Uplift.Lab;

/// <summary>Takes one node off the network and back: its sshd and its open connections end, so every SSH
/// tool sees the host unreachable (connection refused), while the other nodes carry on.</summary>
public static class LabNodeControl
{
    public static async Task StopAsync(LabLayout lab, string node, TimeProvider time, CancellationToken cancel)
    {
        var pidFile = lab.Paths.SshdPid(Find(lab, node).Name);
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile, cancel)).Trim(), out var pid) || !LabProcesses.IsAlive(pid))
        {
            return;
        }
        var connections = LabProcesses.Snapshot().Where(p => p.ParentPid == pid).Select(p => p.Pid);
        var left = await LabProcesses.EndAsync(connections.Append(pid).ToHashSet(), time, TimeSpan.FromSeconds(5), cancel);
        if (left.Count > 0)
        {
            throw new LabException($"sshd of {node} (processes {string.Join(", ", left)}) did not end");
        }
        File.Delete(pidFile);
    }

    public static async Task StartAsync(LabLayout lab, string node, CancellationToken cancel)
    {
        var target = Find(lab, node);
        var pidFile = lab.Paths.SshdPid(target.Name);
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile, cancel)).Trim(), out var pid) && LabProcesses.IsAlive(pid))
        {
            return;
        }
        await LabDaemons.StartSshdAsync(lab, [target], cancel);
    }

    private static LabNode Find(LabLayout lab, string node) =>
        lab.Nodes.FirstOrDefault(n => n.Name == node)
        ?? throw new LabException($"no node {node} in the lab; its nodes are {string.Join(", ", lab.Nodes.Select(n => n.Name))}");
}
