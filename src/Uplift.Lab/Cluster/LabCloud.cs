namespace Uplift.Lab;

/// <summary>The lab's clouds.yaml: the admin credentials of the lab's keystone listener on the VIP, which issues
/// tokens so Uplift's compute phase (nova os-services) can be rehearsed; on the lab of real OpenStack code, its real keystone.</summary>
public static class LabCloud
{
    public const string Name = "lab";

    /// <param name="openStack">The lab runs real OpenStack code (lab up --openstack): its real keystone answers.</param>
    public static string CloudsYaml(string password, bool openStack = false) => (openStack
        ? "# Uplift lab of real OpenStack code (Debian packages): the admin of its real keystone (docs/lab.md).\n"
        : "# Uplift lab: a rehearsal cluster, not OpenStack. Its keystone and nova listeners answer the few calls\n# Uplift's compute phase makes (docs/lab.md).\n")
        + $"""
        # Written by 'uplift lab up'; removed by 'uplift lab down'.
        clouds:
          {Name}:
            auth:
              auth_url: http://{LabLayout.VipAddress}:5000/v3
              username: admin
              password: {password}
              project_name: admin
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            interface: public
            identity_api_version: 3

        """;
}
