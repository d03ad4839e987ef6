namespace Uplift.Database;

/// <summary>
/// Schema and table names as they go into SQL and file names. OpenStack names are plain identifiers;
/// anything else is refused rather than escaped, so no name can smuggle SQL or shell syntax.
/// </summary>
public static class SchemaName
{
    public static bool IsPlain(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The name in backquotes, e.g. `nova_api`; throws for names that are not plain.</summary>
    public static string Quoted(string name) =>
        IsPlain(name)
            ? $"`{name}`"
            : throw new ArgumentException($"'{name}' is not a plain schema or table name (letters, digits and _ only)", nameof(name));

    /// <summary>The name as an SQL string literal, e.g. 'nova_api'.</summary>
    public static string Literal(string name) =>
        IsPlain(name)
            ? $"'{name}'"
            : throw new ArgumentException($"'{name}' is not a plain schema or table name (letters, digits and _ only)", nameof(name));
}
