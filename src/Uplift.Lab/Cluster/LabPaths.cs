namespace Uplift.Lab;

/// <summary>The files of a lab under its state directory (docs/lab.md draws the tree).</summary>
public sealed record LabPaths(string State)
{
    public string Readme => Path.Combine(State, "README");
    public string Description => Path.Combine(State, "lab.json");
    public string Inventory => Path.Combine(State, "inventory.yaml");

    /// <summary>The catalog overlay of a lab of real OpenStack code: Debian's packaging and the lab's mirror.</summary>
    public string Catalog => Path.Combine(State, "catalog.yaml");
    public string KnownHosts => Path.Combine(State, "known_hosts");
    public string PrivateKey => Path.Combine(State, "id_ed25519");
    public string PublicKey => PrivateKey + ".pub";
    public string Home => Path.Combine(State, "home");
    public string AuthorizedKeys => Path.Combine(Home, ".ssh", "authorized_keys");
    public string Shims => Path.Combine(State, "shims");
    public string Shared => Path.Combine(State, "shared");
    public string Cluster => Path.Combine(State, "cluster");
    public string Nodes => Path.Combine(State, "nodes");
    public string Haproxy => Path.Combine(State, "haproxy");
    public string HaproxyConfig => Path.Combine(Haproxy, "haproxy.cfg");
    public string HaproxySocket => Path.Combine(Haproxy, "admin.sock");
    public string HaproxyPid => Path.Combine(Haproxy, "haproxy.pid");
    public string MariaDb => Path.Combine(State, "mariadb");
    public string MariaDbData => Path.Combine(MariaDb, "data");
    public string MariaDbSocket => Path.Combine(MariaDb, "mysqld.sock");
    public string MariaDbPid => Path.Combine(MariaDb, "mysqld.pid");
    public string MyCnf => Path.Combine(MariaDb, "my.cnf");
    public string Backups => Path.Combine(State, "backups");
    public string CloudsYaml => Path.Combine(State, "clouds.yaml");

    /// <summary>The lab's own run-time files (the listener spawner's FIFO, pid and log), the lab account's.</summary>
    public string Run => Path.Combine(State, "run");
    public string ListenerSpawnerFifo => Path.Combine(Run, "listener-spawner.fifo");
    public string ListenerSpawnerPid => Path.Combine(Run, "listener-spawner.pid");

    /// <summary>The lab keystone's admin password, read by the keystone listener (lab account only).</summary>
    public string KeystoneAdmin => Path.Combine(Cluster, "keystone-admin");

    /// <summary>A python3 copy allowed to bind ports below 1024 (horizon's port 80) as the lab account.</summary>
    public string Python => Path.Combine(State, "bin", "python3");

    public string NodeRoot(string node) => Path.Combine(Nodes, node);
    public string NodeBin(string node) => Path.Combine(NodeRoot(node), "bin");
    public string SshdConfig(string node) => Path.Combine(NodeRoot(node), "etc", "ssh", "sshd_config");
    public string HostKey(string node) => Path.Combine(NodeRoot(node), "etc", "ssh", "ssh_host_ed25519_key");
    public string SshdPid(string node) => Path.Combine(NodeRoot(node), "run", "sshd.pid");
    public string CommandLog(string node) => Path.Combine(NodeRoot(node), "log", "commands.log");
    public string SourcesDirectory(string node) => Path.Combine(NodeRoot(node), "etc", "apt", "sources.list.d");
}
