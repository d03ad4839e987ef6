using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>A lab of real OpenStack code (Debian trixie's Epoxy packages): 2 controllers, 2 computes, 1 volume node. Its
/// state directory is under /var/lib (sshd chroots sessions only below directories no one else may write, not /tmp).
/// The first build downloads the root tree into /var/cache/uplift-lab (minutes); later ones reuse it.</summary>
public sealed class OpenStackLabFixture : LabFixture
{
    protected override string StateParent => "/var/lib";

    protected override string User => "root";

    protected override LabOptions Options(string state) =>
        new(Controllers: 2, Network: 0, Computes: 2, Volumes: 1, StateDirectory: state, InstancesPerCompute: InstancesPerCompute, OpenStack: true);

    public const int InstancesPerCompute = 1;
}

[CollectionDefinition("openstack lab")]
public sealed class OpenStackLabCollection : ICollectionFixture<OpenStackLabFixture>;
