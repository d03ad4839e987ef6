namespace Uplift.Lab;

/// <summary>The notice the lab shows in <c>up</c>, <c>status</c> and its README: it is a rehearsal cluster, not OpenStack.</summary>
public static class LabReadme
{
    public const string Notice =
        "This is an Uplift lab: a rehearsal cluster on this machine for trying and testing Uplift. It is not OpenStack.";

    public static string For(LabLayout lab) => $"""
        {Notice}

        Every node is a loopback address (127.0.10.N) with its own sshd. Logging in with the lab key gives a
        plain /bin/sh account whose PATH starts with small shell scripts (shims) that imitate apt-get,
        apt-cache, dpkg-query, systemctl, crm, puppet, the *-manage and *-status commands of a Debian
        OpenStack node, keeping their state in files here. API "services" are tiny HTTP listeners that
        report a package version; one HAProxy fronts them on {LabLayout.VipAddress}; a MariaDB holds
        empty-ish OpenStack schemas for backup tests. The keystone and nova listeners answer the few calls
        Uplift's compute phase makes, neutron-server and cinder-api list the agents and services of the
        lab's units (up while their unit runs) for Uplift's service checks; the lab's instances ({lab.Options.InstancesPerCompute} per compute) are
        records that live-migrate between computes, nothing runs in them. No OpenStack code runs here.

        Release: {lab.Release}   Nodes: {lab.Nodes.Count}   Account: {LabLayout.Account}
        Inventory: {lab.Paths.Inventory}
        Try:       uplift exec --inventory {lab.Paths.Inventory} -- apt-cache policy nova-api
        Remove:    uplift lab down --state-dir {lab.Paths.State}   (removes every process, file and the account)
        Layout and file formats: docs/lab.md in the Uplift source tree.

        """;
}
