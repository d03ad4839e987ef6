using System.Text.Json.Nodes;
using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

/// <summary>
/// A <see cref="LocalOpenStack"/> with a Keystone that issues numbered tokens ("token-1", …) valid for
/// <see cref="TokenLifetime"/> on the test's clock, and a catalog pointing nova, neutron and cinder back at
/// the same server (/compute/v2.1, /network, /volume/v3/p1). Services answer 401 to unknown or revoked tokens.
/// </summary>
public sealed class ScriptedCloud : IAsyncDisposable
{
    public const string Password = "s3cret-Passw0rd";
    public const string KeystonePath = "/identity/v3/auth/tokens";

    private readonly HashSet<string> _validTokens = [];
    private int _issued;

    public ScriptedCloud(TimeProvider clock)
    {
        Clock = clock;
        Server = LocalOpenStack.Start();
        Server.On("POST", KeystonePath, Authenticate);
    }

    public LocalOpenStack Server { get; }

    public TimeProvider Clock { get; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far Keystone's clock is from the test's (issued_at and expires_at are on Keystone's clock).</summary>
    public TimeSpan KeystoneClockOffset { get; set; }

    /// <summary>The catalog's endpoints; tests replace it to check endpoint selection.</summary>
    public Func<string, JsonArray> Catalog { get; set; } = DefaultCatalog;

    public int TokensIssued => _issued;

    public CloudConfig Config(string password = Password, string region = "RegionOne", string endpointInterface = "internal") => new(
        "test",
        new Uri(Server.BaseUrl, "/identity/v3"),
        new CloudCredentials(AuthMethod.Password, new Secret(password), new UserRef(Name: "admin", Domain: new DomainRef(Name: "Default"))),
        new AuthScope(new ProjectRef(Name: "admin", Domain: new DomainRef(Id: "default"))),
        region,
        endpointInterface);

    public OpenStackSession Session(string password = Password, ApiSessionOptions? options = null, string region = "RegionOne", string endpointInterface = "internal") =>
        new(Config(password, region, endpointInterface), Clock, options);

    /// <summary>Makes every token issued so far invalid, as a keystone restart with rotated keys would.</summary>
    public void RevokeAll()
    {
        lock (_validTokens)
        {
            _validTokens.Clear();
        }
    }

    /// <summary>Answers a service route, but only for a valid token (else 401 as keystonemiddleware does).</summary>
    public void On(string method, string path, Func<RecordedRequest, Reply> reply) =>
        Server.On(method, path, request => IsValid(request.Header("X-Auth-Token"))
            ? reply(request)
            : Reply.Json("""{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", 401));

    /// <summary>Nova's version document (GET /compute/v2.1) offering microversions up to <paramref name="max"/>.</summary>
    public void ServeComputeVersion(string max) =>
        On("GET", "/compute/v2.1", _ => Reply.Json($$$"""{"version": {"id": "v2.1", "status": "CURRENT", "version": "{{{max}}}", "min_version": "2.1"}}"""));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private bool IsValid(string? token)
    {
        lock (_validTokens)
        {
            return token is not null && _validTokens.Contains(token);
        }
    }

    private Reply Authenticate(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        if ((string?)body["auth"]?["identity"]?["password"]?["user"]?["password"] != Password)
        {
            return Reply.Json("""{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", 401);
        }
        var token = $"token-{Interlocked.Increment(ref _issued)}";
        lock (_validTokens)
        {
            _validTokens.Add(token);
        }
        var response = new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["issued_at"] = (Clock.GetUtcNow() + KeystoneClockOffset).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["expires_at"] = (Clock.GetUtcNow() + KeystoneClockOffset + TokenLifetime).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["methods"] = new JsonArray("password"),
                ["project"] = new JsonObject { ["id"] = "p1", ["name"] = "admin" },
                ["catalog"] = Catalog(Server.BaseUrl.ToString().TrimEnd('/')),
            },
        };
        return new Reply(201, response.ToJsonString(), new Dictionary<string, string> { ["X-Subject-Token"] = token });
    }

    private static JsonArray DefaultCatalog(string root) =>
    [
        Service("compute", "nova", root + "/compute/v2.1"),
        Service("network", "neutron", root + "/network"),
        Service("volumev3", "cinderv3", root + "/volume/v3/p1"),
    ];

    public static JsonObject Service(string type, string name, params string[] urlsByInterfaceAndRegion) => new()
    {
        ["type"] = type,
        ["name"] = name,
        ["endpoints"] = new JsonArray(urlsByInterfaceAndRegion.Select(url => (JsonNode)Endpoint("internal", "RegionOne", url)).ToArray()),
    };

    public static JsonObject Endpoint(string endpointInterface, string region, string url) => new()
    {
        ["interface"] = endpointInterface,
        ["region"] = region,
        ["region_id"] = region,
        ["url"] = url,
    };
}
