using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Builds the body of <c>POST /v3/auth/tokens</c> (keystone api-ref, "Password authentication with scoped
/// authorization" and "Authenticating with an Application Credential"). Pure; the only place a secret is
/// revealed into a request.
/// </summary>
public static class AuthRequestBody
{
    public static JsonObject For(CloudCredentials credentials, AuthScope scope)
    {
        var identity = credentials.Method switch
        {
            AuthMethod.Password => new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject { ["user"] = PasswordUser(credentials) },
            },
            AuthMethod.ApplicationCredential => new JsonObject
            {
                ["methods"] = new JsonArray("application_credential"),
                ["application_credential"] = ApplicationCredential(credentials),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(credentials), credentials.Method, "unknown auth method"),
        };
        var auth = new JsonObject { ["identity"] = identity };
        if (Scope(scope) is { } scoped)
        {
            auth["scope"] = scoped;
        }
        return new JsonObject { ["auth"] = auth };
    }

    private static JsonObject PasswordUser(CloudCredentials credentials)
    {
        var user = Named(credentials.User?.Id, credentials.User?.Name, credentials.User?.Domain);
        user["password"] = credentials.Secret.Reveal();
        return user;
    }

    private static JsonObject ApplicationCredential(CloudCredentials credentials)
    {
        var body = credentials.ApplicationCredentialId is { } id
            ? new JsonObject { ["id"] = id }
            : new JsonObject
            {
                ["name"] = credentials.ApplicationCredentialName,
                ["user"] = Named(credentials.User?.Id, credentials.User?.Name, credentials.User?.Domain),
            };
        body["secret"] = credentials.Secret.Reveal();
        return body;
    }

    private static JsonObject? Scope(AuthScope scope) =>
        scope.Project is { } project ? new JsonObject { ["project"] = Named(project.Id, project.Name, project.Domain) }
        : scope.Domain is { } domain ? new JsonObject { ["domain"] = Named(domain.Id, domain.Name, null) }
        : null;

    /// <summary>An id alone identifies; a name needs its domain.</summary>
    private static JsonObject Named(string? id, string? name, DomainRef? domain)
    {
        if (id is not null)
        {
            return new JsonObject { ["id"] = id };
        }
        var named = new JsonObject { ["name"] = name };
        if (domain is not null)
        {
            named["domain"] = Named(domain.Id, domain.Name, null);
        }
        return named;
    }
}
