namespace Uplift.Tests.Sshd;

/// <summary>Tests that share the real sshd nodes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SshNodesCollection : ICollectionFixture<SshNodesFixture>
{
    public const string Name = "sshd nodes";
}
