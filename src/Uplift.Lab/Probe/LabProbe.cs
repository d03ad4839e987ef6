using Uplift.OpenStack;

namespace Uplift.Lab;

/// <summary>
/// What `uplift lab probe` and the lab's tests send through the VIP. On the shim lab: each frontend's root. On the lab of
/// real OpenStack code: what users do, with the lab admin's token — keystone lists the token's projects, nova its
/// servers, neutron its networks, glance its images, cinder its volumes, placement its resource providers, heat its
/// stacks (the metadata and CloudFormation APIs, which take no keystone token, answer their version document).
/// </summary>
public sealed class LabProbe : IDisposable
{
    /// <summary>Each API's read, by HAProxy frontend; {project} is the token's project.</summary>
    private static readonly Dictionary<string, string> Reads = new()
    {
        ["keystonepub"] = "v3/auth/projects",
        ["nova"] = "v2.1/servers",
        ["neutron"] = "v2.0/networks",
        ["glance"] = "v2/images",
        ["cinder"] = "v3/{project}/volumes",
        ["placement"] = "resource_providers",
        ["heat"] = "v1/{project}/stacks",
    };

    /// <summary>Answers in a row that make an API ready for the probe (<see cref="WaitServedAsync"/>).</summary>
    private const int ServedInARow = 3;

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a read on the real lab may take before it counts as failed. A listing takes tenths of a second here, but
    /// a restarted API's first reads import its code and fill its caches, seconds each while another node's restart or
    /// dpkg holds the same 2 cores: in CI on 2026-12-08 (01:03:47), 4 of 14,535 reads had no answer within 5 s, three on
    /// nova just after ctl1's restarted nova-api took the traffic from drained ctl2, one on glance, which nothing touched.
    /// A client gives up later than that; a request cut, refused or answered 5xx still fails at once.
    /// </summary>
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(15);

    private readonly OpenStackSession? _session;

    private LabProbe(IReadOnlyList<ProbeTarget> targets, HttpClient http, OpenStackSession? session)
    {
        Targets = targets;
        Http = http;
        _session = session;
    }

    public IReadOnlyList<ProbeTarget> Targets { get; }

    /// <summary>The client the probe sends with: 1 s timeout on the shim lab; on the real lab the token on every request and
    /// <see cref="RealTimeout"/>.</summary>
    public HttpClient Http { get; }

    /// <summary>The probe of <paramref name="lab"/>; on the real lab, authenticates first (keystone must answer).</summary>
    public static async Task<LabProbe> OpenAsync(LabLayout lab, TimeProvider time, CancellationToken cancel)
    {
        if (!lab.Options.OpenStack)
        {
            return new(TargetsOf(lab, null), new HttpClient { Timeout = TimeSpan.FromSeconds(1) }, null);
        }
        var session = new OpenStackSession(CloudsYaml.Parse(File.ReadAllText(lab.Paths.CloudsYaml), lab.Paths.CloudsYaml, LabCloud.Name), time);
        var project = (await session.TokenAsync(cancel).ConfigureAwait(false)).ProjectId
            ?? throw new LabException($"the lab's keystone gave the admin a token without a project ({lab.Paths.CloudsYaml})");
        var http = new HttpClient(new TokenHeaderHandler(async c => (await session.TokenAsync(c).ConfigureAwait(false)).Value.Reveal(), new SocketsHttpHandler()))
        {
            Timeout = RealTimeout,
        };
        var probe = new LabProbe(TargetsOf(lab, project), http, session);
        await probe.WaitServedAsync(time, cancel).ConfigureAwait(false);
        return probe;
    }

    /// <summary>
    /// Waits until each read was served <see cref="ServedInARow"/> times in a row: a real API's first requests import
    /// its code and fill its caches (seconds each on 2 cores, beyond the probe's timeout), and what the probe measures is
    /// the upgrade, not the lab's start. A lab whose APIs do not all serve within <see cref="ReadyWithin"/> is refused,
    /// naming them.
    /// </summary>
    private async Task WaitServedAsync(TimeProvider time, CancellationToken cancel)
    {
        var inARow = Targets.ToDictionary(t => t.Name, _ => 0);
        var began = time.GetTimestamp();
        while (inARow.Any(t => t.Value < ServedInARow))
        {
            if (time.GetElapsedTime(began) > ReadyWithin)
            {
                throw new LabException($"the lab's APIs did not all serve within {ReadyWithin.TotalMinutes:0} min: " +
                    string.Join(", ", inARow.Where(t => t.Value < ServedInARow).Select(t => t.Key)) + " (uplift lab status says what runs)");
            }
            foreach (var target in Targets.Where(t => inARow[t.Name] < ServedInARow))
            {
                inARow[target.Name] = await ServedAsync(target, cancel).ConfigureAwait(false) ? inARow[target.Name] + 1 : 0;
            }
            await Task.Delay(TimeSpan.FromSeconds(0.2), time, cancel).ConfigureAwait(false);
        }
    }

    private async Task<bool> ServedAsync(ProbeTarget target, CancellationToken cancel)
    {
        try
        {
            using var response = await Http.GetAsync(target.Url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            return ProbeRunner.Served(response.StatusCode);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or IOException) && !cancel.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Each HAProxy frontend on the VIP: its root, or with the token's <paramref name="project"/> (real lab) the
    /// API's read of <see cref="Reads"/>. Pure.</summary>
    public static IReadOnlyList<ProbeTarget> TargetsOf(LabLayout lab, string? project) =>
        [.. lab.Services.SelectMany(s => s.Backends).Select(b =>
        {
            var root = new Uri($"http://{LabLayout.VipAddress}:{b.Port}/");
            return new ProbeTarget(b.Name, project is not null && Reads.TryGetValue(b.Name, out var read)
                ? new Uri(root, read.Replace("{project}", project, StringComparison.Ordinal))
                : root);
        })];

    public void Dispose()
    {
        Http.Dispose();
        _session?.Dispose();
    }
}
