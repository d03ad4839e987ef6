using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Uplift.OpenStack;

namespace Uplift.Bench;

/// <summary>
/// What the OpenStack session adds to a call: N sequential GETs through <see cref="OpenStackSession"/>
/// (token reuse, catalog lookup, retry pipeline, error parsing) against plain HttpClient GETs to the same local
/// HttpListener (127.0.0.1:28999), and parse speed of a 1,000-agent neutron list. Prints figures; asserts nothing.
/// </summary>
public static class OpenStackBenchmark
{
    private const string Root = "http://127.0.0.1:28999";

    public static async Task<int> Run(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        using var listener = new HttpListener();
        listener.Prefixes.Add(Root + "/");
        listener.Start();
        var serving = Task.Run(() => ServeAsync(listener));

        var cloud = new CloudConfig("bench", new Uri(Root + "/v3"),
            new CloudCredentials(AuthMethod.ApplicationCredential, new Secret("s"), ApplicationCredentialId: "ac"), new AuthScope());
        using var session = new OpenStackSession(cloud, TimeProvider.System);
        using var plain = new HttpClient();
        var request = new ApiRequest(HttpMethod.Get, "/os-services");
        await session.SendAsync(OpenStackService.Compute, request); // authenticate, warm up
        await plain.GetStringAsync(Root + "/compute/os-services");

        var raw = await TimeAsync(calls, () => plain.GetStringAsync(Root + "/compute/os-services"));
        var viaSession = await TimeAsync(calls, () => session.SendAsync(OpenStackService.Compute, request));
        Console.WriteLine($"{calls} GETs, plain HttpClient: {raw.TotalMilliseconds / calls * 1000:F0} µs/call");
        Console.WriteLine($"{calls} GETs, OpenStackSession: {viaSession.TotalMilliseconds / calls * 1000:F0} µs/call " +
            $"(+{(viaSession - raw).TotalMilliseconds / calls * 1000:F0} µs)");

        var agents = AgentList(1000);
        var parse = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            NeutronAgents.ParseList(agents);
        }
        parse.Stop();
        Console.WriteLine($"parse 1,000 neutron agents ({agents.Length / 1024} KiB): {parse.Elapsed.TotalMilliseconds / 100:F2} ms");

        listener.Stop();
        await serving;
        return 0;
    }

    private static async Task<TimeSpan> TimeAsync(int calls, Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }
        return watch.Elapsed;
    }

    private static async Task ServeAsync(HttpListener listener)
    {
        var token = $$$"""{"token": {"expires_at": "2099-01-01T00:00:00Z", "catalog": [{"type": "compute", "endpoints": [{"interface": "public", "region": "R", "url": "{{{Root}}}/compute"}]}]}}""";
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var isAuth = context.Request.Url!.AbsolutePath.EndsWith("/auth/tokens", StringComparison.Ordinal);
            context.Response.StatusCode = isAuth ? 201 : 200;
            if (isAuth)
            {
                context.Response.Headers["X-Subject-Token"] = "bench-token";
            }
            var body = Encoding.UTF8.GetBytes(isAuth ? token : """{"services": []}""");
            // With a length the listener sends one response without chunking (else ~40 ms delayed-ACK stalls).
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static string AgentList(int count) =>
        "{\"agents\": [" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$$"""{"id": "{{{Guid.NewGuid()}}}", "agent_type": "Open vSwitch agent", "binary": "neutron-openvswitch-agent", "host": "cmp{{{i}}}", "alive": true, "admin_state_up": true, "availability_zone": null, "heartbeat_timestamp": "2017-09-12 19:40:08", "configurations": {"devices": 3, "tunnel_types": ["vxlan"]}}""")) + "]}";
}
