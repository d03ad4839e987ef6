namespace Uplift.Lab;

/// <summary>The lab's clouds.yaml: the admin credentials of the lab's keystone listener on the VIP, which issues
/// tokens so Uplift's compute phase (nova os-services) can be rehearsed. Not an OpenStack cloud.</summary>
public static class LabCloud
{
    public const string Name = "lab";

    public static string CloudsYaml(string password) => $"""
        # Uplift lab: a rehearsal cluster, not OpenStack. Its keystone and nova listeners answer the few calls
        # Uplift's compute phase makes (docs/lab.md). Written by 'uplift lab up'; removed by 'uplift lab down'.
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
