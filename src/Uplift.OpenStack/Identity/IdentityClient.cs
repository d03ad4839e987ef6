namespace Uplift.OpenStack;

/// <summary>Keystone calls Uplift makes, over a session.</summary>
public sealed class IdentityClient(OpenStackSession session)
{
    /// <summary>Every user's assignment of the role named <paramref name="role"/> on a project (none when no role has that name).</summary>
    public async Task<IReadOnlyList<RoleAssignment>> HoldersOfAsync(string role, CancellationToken cancellation = default)
    {
        var ids = await session.SendAsync(OpenStackService.Identity, IdentityRequests.RolesNamed(role), KeystoneRoles.ParseIds, cancellation)
            .ConfigureAwait(false);
        var holders = new List<RoleAssignment>();
        foreach (var id in ids)
        {
            holders.AddRange(await session.SendAsync(OpenStackService.Identity, IdentityRequests.HoldersOf(id), KeystoneRoles.ParseAssignments, cancellation)
                .ConfigureAwait(false));
        }
        return holders;
    }
}
