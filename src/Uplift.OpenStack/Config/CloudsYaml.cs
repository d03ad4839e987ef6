using Uplift.Diagnostics;

namespace Uplift.OpenStack;

/// <summary>
/// Reads one cloud out of clouds.yaml text (with secure.yaml merged over it). Pure: the files are read by
/// <see cref="CloudsFileSearch"/>. Keys follow openstacksdk's config format
/// (openstacksdk doc/source/user/config/configuration.rst); every problem found is reported together.
/// </summary>
public static class CloudsYaml
{
    private static readonly string[] Interfaces = ["public", "internal", "admin"];

    public static CloudConfig Parse(string cloudsText, string cloudsFile, string cloudName, string? secureText = null, string? secureFile = null)
    {
        var document = YamlSettings.Parse(cloudsText, cloudsFile);
        if (secureText is not null)
        {
            document = document.MergedWith(YamlSettings.Parse(secureText, secureFile ?? "secure.yaml"));
        }
        var clouds = document["clouds"];
        if (clouds?.Map is null)
        {
            throw new InputException("no 'clouds:' mapping", new SourceLocation(cloudsFile), "see docs/openstack-api.md for the format");
        }
        var cloud = clouds[cloudName];
        if (cloud?.Map is null)
        {
            var known = clouds.Map.Count == 0 ? "none" : string.Join(", ", clouds.Map.Keys.Order(StringComparer.Ordinal));
            throw new InputException($"cloud '{cloudName}' is not defined", clouds.Where, $"clouds defined there: {known}");
        }
        return new CloudReader(cloudName, cloud, cloudsFile).Read();
    }

    private sealed class CloudReader(string name, YamlSettings cloud, string file)
    {
        private readonly List<Diagnostic> _problems = [];
        private readonly YamlSettings _auth = cloud["auth"] ?? cloud;

        public CloudConfig Read()
        {
            foreach (var unsupported in new[] { "profile", "cloud", "cert", "key" })
            {
                if (cloud[unsupported] is { } value)
                {
                    _problems.Add(new Diagnostic($"'{unsupported}' is not supported by Uplift", value.Where,
                        unsupported is "cert" or "key" ? "use a password or an application credential" : "write auth_url and the other settings out in full"));
                }
            }
            if (Text(cloud, "identity_api_version") is { } version && version.TrimStart('v') is not ("3" or "3.0"))
            {
                _problems.Add(new Diagnostic($"identity_api_version {version} is not supported", cloud["identity_api_version"]!.Where, "Uplift speaks Keystone v3 only"));
            }
            var authUrl = ReadAuthUrl();
            var credentials = ReadCredentials();
            var scope = credentials?.Method == AuthMethod.ApplicationCredential ? new AuthScope() : ReadScope();
            var endpointInterface = ReadInterface();
            var caCert = Text(cloud, "cacert");
            if (IsFalse(Text(cloud, "verify")) || IsTrue(Text(cloud, "insecure")))
            {
                // Uplift holds admin credentials for a production cloud: it does not talk to an unverified server.
                _problems.Add(new Diagnostic("TLS verification cannot be turned off", (cloud["verify"] ?? cloud["insecure"])!.Where,
                    "remove verify/insecure and set cacert to the PEM file of the CA that signed the API certificates"));
            }
            if (_problems.Count > 0)
            {
                throw new InputException(_problems);
            }
            return new CloudConfig(name, authUrl!, credentials!, scope, Text(cloud, "region_name"), endpointInterface,
                caCert is null ? null : ExpandHome(caCert), file);
        }

        private Uri? ReadAuthUrl()
        {
            var text = Text(_auth, "auth_url");
            if (text is null)
            {
                Missing("auth.auth_url", "the Keystone URL, e.g. https://keystone.example.net:5000/v3");
                return null;
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                _problems.Add(new Diagnostic($"auth_url '{text}' is not an http(s) URL", _auth["auth_url"]!.Where));
                return null;
            }
            return url;
        }

        private CloudCredentials? ReadCredentials()
        {
            var type = Text(cloud, "auth_type") ?? (Text(_auth, "application_credential_secret") is null ? "password" : "v3applicationcredential");
            switch (type)
            {
                case "password" or "v3password":
                    var user = ReadUser(required: true);
                    var password = Text(_auth, "password");
                    if (password is null)
                    {
                        Missing("auth.password", "put it in secure.yaml next to clouds.yaml");
                    }
                    return user is null || password is null ? null : new CloudCredentials(AuthMethod.Password, new Secret(password), user);
                case "v3applicationcredential":
                    var secret = Text(_auth, "application_credential_secret");
                    if (secret is null)
                    {
                        Missing("auth.application_credential_secret", "put it in secure.yaml next to clouds.yaml");
                    }
                    var id = Text(_auth, "application_credential_id");
                    var credentialName = Text(_auth, "application_credential_name");
                    if (id is null && credentialName is null)
                    {
                        Missing("auth.application_credential_id", "or application_credential_name with the user owning it");
                    }
                    var owner = id is null && credentialName is not null ? ReadUser(required: true) : null;
                    return secret is null || (id is null && owner is null)
                        ? null
                        : new CloudCredentials(AuthMethod.ApplicationCredential, new Secret(secret), owner, id, id is null ? credentialName : null);
                default:
                    _problems.Add(new Diagnostic($"auth_type '{type}' is not supported", cloud["auth_type"]!.Where,
                        "use password, v3password or v3applicationcredential"));
                    return null;
            }
        }

        private UserRef? ReadUser(bool required)
        {
            if (Text(_auth, "user_id") is { } id)
            {
                return new UserRef(Id: id);
            }
            var userName = Text(_auth, "username") ?? Text(_auth, "user_name");
            if (userName is null)
            {
                if (required)
                {
                    Missing("auth.username", "or auth.user_id");
                }
                return null;
            }
            var domain = Domain("user_domain_id", "user_domain_name");
            if (domain is null)
            {
                Missing("auth.user_domain_name", $"user '{userName}' is named, so its domain is needed (or user_domain_id)");
            }
            return new UserRef(Name: userName, Domain: domain);
        }

        private AuthScope ReadScope()
        {
            if (Text(_auth, "project_id") is { } projectId)
            {
                return new AuthScope(new ProjectRef(Id: projectId));
            }
            if (Text(_auth, "project_name") is { } projectName)
            {
                var domain = Domain("project_domain_id", "project_domain_name");
                if (domain is null)
                {
                    Missing("auth.project_domain_name", $"project '{projectName}' is named, so its domain is needed (or project_domain_id)");
                }
                return new AuthScope(new ProjectRef(Name: projectName, Domain: domain));
            }
            if (Text(_auth, "domain_id") is { } domainId)
            {
                return new AuthScope(Domain: new DomainRef(Id: domainId));
            }
            if (Text(_auth, "domain_name") is { } domainName)
            {
                return new AuthScope(Domain: new DomainRef(Name: domainName));
            }
            Missing("auth.project_name", "admin calls need a scoped token: set project_name (or project_id, or domain_name for a domain scope)");
            return new AuthScope();
        }

        /// <summary>
        /// A user's or project's domain. As in openstacksdk, a plain domain_id / domain_name stands in for both
        /// when a project is given.
        /// </summary>
        private DomainRef? Domain(string idKey, string nameKey)
        {
            if (Text(_auth, idKey) is { } id)
            {
                return new DomainRef(Id: id);
            }
            if (Text(_auth, nameKey) is { } domainName)
            {
                return new DomainRef(Name: domainName);
            }
            var hasProject = Text(_auth, "project_name") is not null || Text(_auth, "project_id") is not null;
            return !hasProject ? null
                : Text(_auth, "domain_id") is { } sharedId ? new DomainRef(Id: sharedId)
                : Text(_auth, "domain_name") is { } sharedName ? new DomainRef(Name: sharedName)
                : null;
        }

        private string ReadInterface()
        {
            var text = Text(cloud, "interface") ?? Text(cloud, "endpoint_type") ?? "public";
            // Older configs say publicURL / internalURL / adminURL.
            var normalized = text.EndsWith("URL", StringComparison.Ordinal) ? text[..^3] : text;
            if (!Interfaces.Contains(normalized))
            {
                _problems.Add(new Diagnostic($"interface '{text}' is not one of public, internal, admin", (cloud["interface"] ?? cloud["endpoint_type"])!.Where));
            }
            return normalized;
        }

        private void Missing(string key, string hint) =>
            _problems.Add(new Diagnostic($"cloud '{name}' has no {key}", cloud.Where, hint));

        private static string? Text(YamlSettings settings, string key) =>
            settings[key]?.Scalar is { Length: > 0 } value ? value : null;

        private static bool IsFalse(string? value) => value is "false" or "False" or "no" or "0";

        private static bool IsTrue(string? value) => value is "true" or "True" or "yes" or "1";

        private static string ExpandHome(string path) =>
            path.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
                : path;
    }
}
