using System.Text;

namespace Uplift.Lab;

/// <summary>
/// The catalog overlay (docs/catalog.md) a lab of real OpenStack code is upgraded with, as an operator writes one for
/// their site: the APT source is the lab's mirror of the target suite; the services as Debian packages them (nova-api
/// holds nova-api-metadata's unit, there is no nova-novncproxy package); what the lab does not run (horizon, the
/// network agents, cinder-backup) and the services the target suite lacks are left out, with the reason. Pure.
/// </summary>
public static class LabCatalog
{
    /// <param name="dependencies">The packages prepare upgrades on every node that has them (<see cref="Dependencies"/>).</param>
    public static string For(TargetSuite target, IReadOnlyList<string> dependencies)
    {
        var list = "[" + string.Join(", ", dependencies) + "]";
        var text = new StringBuilder($"""
            # Uplift lab of real OpenStack code: the catalog overlay for 'uplift plan/run --catalog' (docs/lab.md).
            # Written by 'uplift lab up --openstack'; removed by 'uplift lab down'.
            catalog-version: lab-1
            apt:
              format: one-line
              sources-file: /etc/apt/sources.list.d/openstack.list
              source-line: "{TargetMirror.SourceLine(target)}"
            # forky's Python is 3.14 and its uwsgi plugin embeds it: the Python stack moves as one, on every node, in prepare
            # (every package of the mirror a node has, but the services' own and the infrastructure packages), or the new code
            # fails on trixie's: placement 15 under uwsgi could not import trixie's 3.13 bcrypt, cinder-volume 28 on Python
            # 3.14 died in trixie's eventlet 0.39 (GreenFileIO has no _isatty_open_only); both seen here.
            dependencies:
              controller: {list}
              compute: {list}
              volume: {list}
            services:
              # Debian trixie and forky: nova-api holds nova-api-metadata's unit; no nova-novncproxy package.
              - name: nova
                units: {"{"}controller: [nova-conductor, nova-scheduler, nova-api-metadata, nova-api]{"}"}
                packages: {"{"}controller: [python3-nova, nova-common, nova-conductor, nova-scheduler, nova-api]{"}"}
              # The lab runs no network node and no agent on its computes (no Open vSwitch here).
              - name: neutron
                units: {"{"}network: [], compute: []{"}"}
                packages: {"{"}network: [], compute: []{"}"}
              # The volume node runs cinder-volume with cinder's fake driver; no cinder-backup.
              - name: cinder
                units: {"{"}volume: [cinder-volume]{"}"}
                packages: {"{"}volume: [python3-cinder, cinder-common, cinder-volume]{"}"}
              # No horizon in the lab.
              - name: horizon
                units: {"{"}controller: []{"}"}
                packages: {"{"}controller: []{"}"}

            """);
        foreach (var (service, reason) in target.Held.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append($"""
                  # Stays on the starting release: {reason}.
                  - name: {service}
                    units: {"{"}controller: []{"}"}
                    packages: {"{"}controller: []{"}"}

                """);
        }
        if (target.ServiceTokenRoles is { } why)
        {
            text.Append($"""
                # The target suite's keystonemiddleware comes from a later release: its rule on service tokens applies already.
                service-token-roles:
                  - release: {target.Release}
                    roles: [service]
                    note: "{why.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}"

                """);
        }
        return text.ToString();
    }

    /// <summary>What prepare upgrades: the mirror's packages the base tree has installed, but the catalog services' packages
    /// (upgraded in their service's steps) and the infrastructure packages (upgraded in each node's own window). Pure.</summary>
    public static IReadOnlyList<string> Dependencies(IEnumerable<string> mirrored, IReadOnlySet<string> installed, Catalog.OpenStackCatalog catalog)
    {
        var roles = Enum.GetValues<Inventory.Role>();
        // Every form of a service counts (Debian's neutron-api and neutron-rpc-server for neutron-server): the real
        // rehearsal of 2026-12-07 upgraded both controllers' neutron code in prepare, before neutron's schema expand.
        var own = catalog.Services.SelectMany(s => s.AnyPackages)
            .Concat(roles.SelectMany(catalog.InfrastructureOn))
            .ToHashSet(StringComparer.Ordinal);
        return [.. mirrored.Where(installed.Contains).Where(p => !own.Contains(p)).Distinct().Order(StringComparer.Ordinal)];
    }
}
