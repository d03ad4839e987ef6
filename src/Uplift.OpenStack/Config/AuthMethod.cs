namespace Uplift.OpenStack;

/// <summary>Keystone v3 authentication methods Uplift supports (clouds.yaml <c>auth_type</c>).</summary>
public enum AuthMethod
{
    /// <summary><c>password</c> / <c>v3password</c>: a user (id, or name plus domain) and a password.</summary>
    Password,

    /// <summary><c>v3applicationcredential</c>: an application credential (id, or name plus user) and its secret.</summary>
    ApplicationCredential,
}
