namespace Uplift.Lab;

/// <summary>sshd_config of one lab node: its own address, host key, pid file, and a PATH whose first
/// directory holds the node's shims (sshd SetEnv, OpenSSH ≥ 7.8). Pure.</summary>
public static class SshdConfig
{
    public static string For(LabLayout lab, LabNode node)
    {
        var paths = lab.Paths;
        if (lab.Options.OpenStack)
        {
            return ForRealNode(lab, node);
        }
        return $"""
            # Uplift lab node {node.Name}: a rehearsal cluster for trying and testing Uplift, not OpenStack.
            ListenAddress {node.Address}:22
            HostKey {paths.HostKey(node.Name)}
            PidFile {paths.SshdPid(node.Name)}
            AuthorizedKeysFile {paths.AuthorizedKeys}
            AllowUsers {LabLayout.Account}
            PermitRootLogin no
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
            Subsystem sftp internal-sftp
            SetEnv PATH={paths.NodeBin(node.Name)}:/usr/bin:/bin LAB_NODE={node.Name}

            """;
    }

    /// <summary>A node of real OpenStack code: root logs in with the lab key (as an operator's automation does) and every
    /// session is chrooted into the node's root tree, where apt, dpkg, systemctl and the services are the node's own.</summary>
    private static string ForRealNode(LabLayout lab, LabNode node)
    {
        var paths = lab.Paths;
        return $"""
            # Uplift lab node {node.Name}: real OpenStack code (Debian packages) in its own root tree.
            ListenAddress {node.Address}:22
            HostKey {paths.HostKey(node.Name)}
            PidFile {paths.SshdPid(node.Name)}
            AuthorizedKeysFile {paths.AuthorizedKeys}
            AllowUsers root
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PrintMotd no
            PrintLastLog no
            X11Forwarding no
            MaxSessions 100
            MaxStartups 200:30:400
            LogLevel ERROR
            ChrootDirectory {new NodeRoot(paths, node).Merged}

            """;
    }
}
