using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Uplift.OpenStack;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests.Compute;

/// <summary>
/// Keystone, nova, neutron and cinder in memory, behind an <see cref="HttpMessageHandler"/> the real
/// <see cref="OpenStackSession"/> sends through: tokens with a catalog, os-services (2.53 UUID form), servers per host,
/// os-migrateLive (the instance lands on <see cref="MigrationTarget"/> at once), agents. Records every request.
/// </summary>
internal sealed class FakeCloud : HttpMessageHandler
{
    private const string Root = "http://cloud.test";

    public List<JsonObject> Services { get; } = [];

    public List<JsonObject> Servers { get; } = [];

    public List<JsonObject> Agents { get; } = [];

    public List<string> Requests { get; } = [];

    public int TokensIssued { get; private set; }

    /// <summary>Keystone's answer to GET /v3/roles?name=service: by default the real one captured from the lab's keystone.</summary>
    public string RolesAnswer { get; set; } = Sample("epoxy_roles_name-service.json");

    /// <summary>Keystone's answer to GET /v3/role_assignments: by default the real one (every lab service user holds service).</summary>
    public string AssignmentsAnswer { get; set; } = Sample("epoxy_role-assignments_service-role_effective_include-names.json");

    public string MigrationTarget { get; set; } = "cmp9";

    /// <summary>When set, the instance goes to ERROR instead of moving.</summary>
    public bool MigrationsFail { get; set; }

    public FakeCloud Compute(string host, string status = "enabled", string state = "up", string? reason = null)
    {
        Services.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["binary"] = "nova-compute",
            ["host"] = host,
            ["zone"] = "az1",
            ["status"] = status,
            ["state"] = state,
            ["disabled_reason"] = reason,
            ["forced_down"] = false,
            ["updated_at"] = "2026-11-21T12:00:00.000000",
        });
        return this;
    }

    public FakeCloud Instance(string host, string name) => Tap(() => Servers.Add(new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["status"] = "ACTIVE",
        ["OS-EXT-SRV-ATTR:host"] = host,
        ["OS-EXT-STS:task_state"] = null,
        ["OS-EXT-STS:vm_state"] = "active",
    }));

    public JsonObject Service(string host) => Services.Single(s => (string?)s["host"] == host);

    public ComputeCloud Cloud(TimeProvider time, int migrations = 2, int migrationsPerHost = 2) =>
        new(() => new OpenStackSession(Config, time, handler: this), migrations, migrationsPerHost);

    public static CloudConfig Config { get; } = new(
        "test", new Uri(Root + "/identity/v3"),
        new CloudCredentials(AuthMethod.Password, new Secret("pw"), new UserRef(Name: "admin", Domain: new DomainRef(Name: "Default"))),
        new AuthScope(new ProjectRef(Name: "admin", Domain: new DomainRef(Id: "default"))),
        "RegionOne", "public");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        lock (Requests)
        {
            Requests.Add($"{request.Method} {request.RequestUri.PathAndQuery}");
            return (request.Method.Method, path) switch
            {
                ("POST", "/identity/v3/auth/tokens") => Token(),
                ("GET", "/identity/v3/roles") => Json(RolesAnswer),
                ("GET", "/identity/v3/role_assignments") => Json(AssignmentsAnswer),
                ("GET", "/compute/v2.1") => Json("""{"version": {"id": "v2.1", "status": "CURRENT", "version": "2.79", "min_version": "2.1"}}"""),
                ("GET", "/compute/v2.1/os-services") => Json(new JsonObject
                {
                    ["services"] = Copy(Services.Where(s =>
                    Matches(s, "host", query["host"]) && Matches(s, "binary", query["binary"])))
                }),
                ("PUT", var p) when p.StartsWith("/compute/v2.1/os-services/", StringComparison.Ordinal) => Update(p, body!),
                ("GET", "/compute/v2.1/servers/detail") => Json(new JsonObject { ["servers"] = Copy(Servers.Where(s => Matches(s, "OS-EXT-SRV-ATTR:host", query["host"]))) }),
                ("GET", "/compute/v2.1/servers") => Json(new JsonObject { ["servers"] = Copy(Servers.Take(1)) }),
                ("POST", var p) when p.EndsWith("/action", StringComparison.Ordinal) => Migrate(p.Split('/')[^2]),
                ("GET", "/compute/v2.1/os-migrations") => Json("""{"migrations": []}"""),
                ("GET", var p) when p.StartsWith("/compute/v2.1/servers/", StringComparison.Ordinal) =>
                    Json(new JsonObject { ["server"] = Servers.Single(s => (string?)s["id"] == p.Split('/')[^1]).DeepClone() }),
                ("GET", "/network/v2.0/agents") => Json(new JsonObject { ["agents"] = Copy(Agents) }),
                ("GET", "/volume/v3/os-services") => Json("""{"services": []}"""),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"itemNotFound": {"code": 404, "message": "no such route"}}""") },
            };
        }
    }

    private HttpResponseMessage Token()
    {
        TokensIssued++;
        JsonObject Service(string type, string path) => new()
        {
            ["type"] = type,
            ["endpoints"] = new JsonArray(new JsonObject { ["interface"] = "public", ["region"] = "RegionOne", ["url"] = Root + path }),
        };
        var token = new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["expires_at"] = "2099-01-01T00:00:00.000000Z",
                ["issued_at"] = "2026-11-21T12:00:00.000000Z",
                ["catalog"] = new JsonArray(Service("identity", "/identity/v3"), Service("compute", "/compute/v2.1"), Service("network", "/network"), Service("block-storage", "/volume/v3")),
            },
        };
        var response = Json(token, HttpStatusCode.Created);
        response.Headers.Add("X-Subject-Token", $"token-{TokensIssued}");
        return response;
    }

    private HttpResponseMessage Update(string path, string body)
    {
        var service = Services.Single(s => (string?)s["id"] == path.Split('/')[^1]);
        var change = JsonNode.Parse(body)!.AsObject();
        service["status"] = (string?)change["status"];
        service["disabled_reason"] = (string?)change["disabled_reason"];
        return Json(new JsonObject { ["service"] = service.DeepClone() });
    }

    private HttpResponseMessage Migrate(string id)
    {
        var server = Servers.Single(s => (string?)s["id"] == id);
        if (MigrationsFail)
        {
            server["status"] = "ERROR";
        }
        else
        {
            server["OS-EXT-SRV-ATTR:host"] = MigrationTarget;
        }
        return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("") };
    }

    private static string Sample(string name) =>
        File.ReadAllText(Uplift.Testing.Fixtures.Project($"tests/Uplift.OpenStack.Tests/Samples/identity/{name}"));

    private static bool Matches(JsonObject item, string field, string? wanted) => wanted is null || (string?)item[field] == wanted;

    private static JsonArray Copy(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());

    private static HttpResponseMessage Json(JsonNode document, HttpStatusCode status = HttpStatusCode.OK) => Json(document.ToJsonString(), status);

    private static HttpResponseMessage Json(string document, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(document, Encoding.UTF8, "application/json") };

    private FakeCloud Tap(Action action)
    {
        action();
        return this;
    }
}
