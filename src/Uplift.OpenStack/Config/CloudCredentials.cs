namespace Uplift.OpenStack;

/// <summary>
/// Who Uplift authenticates as. <see cref="Secret"/> is the password or the application-credential
/// secret; it prints as "(redacted)".
/// </summary>
public sealed record CloudCredentials(
    AuthMethod Method,
    Secret Secret,
    UserRef? User = null,
    string? ApplicationCredentialId = null,
    string? ApplicationCredentialName = null);
