namespace Uplift.Lab;

/// <summary>sshd_config of one lab node: its own address, host key and pid file. A shim node lets in the lab account with a
/// PATH whose first directory holds the node's shims (sshd SetEnv, OpenSSH ≥ 7.8); a node of real OpenStack code lets in
/// root with the lab key (as an operator's automation logs in) and chroots every session into the node's root tree, where
/// apt, dpkg, systemctl and the services are the node's own. Pure.</summary>
public static class SshdConfig
{
    public static string For(LabLayout lab, LabNode node)
    {
        var paths = lab.Paths;
        var real = lab.Options.OpenStack;
        var session = real
            ? $"ChrootDirectory {new NodeRoot(paths, node).Merged}"
            : $"Subsystem sftp internal-sftp\nSetEnv PATH={paths.NodeBin(node.Name)}:/usr/bin:/bin LAB_NODE={node.Name}";
        return $"""
            # Uplift lab node {node.Name}: {(real ? "real OpenStack code (Debian packages) in its own root tree" : "a rehearsal cluster for trying and testing Uplift, not OpenStack")}.
            ListenAddress {node.Address}:22
            HostKey {paths.HostKey(node.Name)}
            PidFile {paths.SshdPid(node.Name)}
            AuthorizedKeysFile {paths.AuthorizedKeys}
            AllowUsers {(real ? "root" : LabLayout.Account)}
            PermitRootLogin {(real ? "prohibit-password" : "no")}
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            # Multiplexed connections (ControlMaster) run many sessions on one connection.
            MaxSessions 100
            MaxStartups 200:30:400
            LogLevel ERROR
            {session}

            """;
    }
}
