using System.Text;

namespace Uplift.Lab;

/// <summary>
/// haproxy.cfg of the lab's single HAProxy: one frontend per API on the VIP, backend "&lt;name&gt;be" with every
/// controller as a server named after the node, HTTP health checks fast enough that a stopped server is
/// DOWN within about half a second (on a lab of real OpenStack code, whose APIs answer in tenths of a second and more
/// while dpkg compiles Python on the same cores: every second, 5 s to answer, DOWN after 3 failures; a DOWN server is checked every 250 ms and UP at its first answer, since nova-conductor, started right
/// after placement-api, dies when placement's frontend has no server UP yet). No "option redispatch": a request sent to a server that was stopped
/// without draining fails, as it does on a real cloud, so the probe can see it. Pure.
/// </summary>
public static class HaproxyConfig
{
    public static string For(LabLayout lab)
    {
        var text = new StringBuilder();
        text.Append($"""
            # Uplift lab: a rehearsal cluster for trying and testing Uplift, not OpenStack.
            global
                daemon
                pidfile {lab.Paths.HaproxyPid}
                stats socket {lab.Paths.HaproxySocket} mode 660 user {LabLayout.Account} level admin
                stats timeout 30s
                maxconn 4096

            defaults
                mode http
                option httplog
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                retries 2

            """);
        foreach (var backend in lab.Services.SelectMany(s => s.Backends))
        {
            text.Append($"""

                frontend {backend.Name}
                    bind {LabLayout.VipAddress}:{backend.Port}
                    default_backend {backend.Name}be

                backend {backend.Name}be
                    balance roundrobin
                    option httpchk GET /
                    {(lab.Options.OpenStack ? "timeout check 5s\n    default-server inter 1s fastinter 500ms downinter 250ms fall 3 rise 1" : "default-server inter 250ms fastinter 250ms downinter 250ms fall 2 rise 1")}

                """);
            foreach (var node in lab.Controllers)
            {
                text.Append($"    server {node.Name} {node.Address}:{backend.Port} check\n");
            }
        }
        return text.ToString();
    }
}
