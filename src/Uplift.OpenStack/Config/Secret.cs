namespace Uplift.OpenStack;

/// <summary>
/// A password, application-credential secret or token. Its text is only reachable through
/// <see cref="Reveal"/>, so records that hold one print "(redacted)" instead of the value; and it is known to
/// <see cref="Diagnostics.KnownSecrets"/>, so the journal, logs and reports mask it wherever it appears.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    public const string Redacted = "(redacted)";

    private readonly string _value;

    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
        Diagnostics.KnownSecrets.Add(value);
    }

    /// <summary>The secret's text, for the one place that sends it (a request body or header).</summary>
    public string Reveal() => _value;

    public override string ToString() => Redacted;

    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Secret);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
