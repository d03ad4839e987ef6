namespace Uplift.Diagnostics;

/// <summary>
/// One problem found in the operator's input: what is wrong, where (file:line:column,
/// a node, a step id) and what to do about it.
/// </summary>
public sealed record Diagnostic(string Summary, SourceLocation? Where = null, string? Hint = null)
{
    public override string ToString()
    {
        var where = Where is null ? "" : $"{Where}: ";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{where}{Summary}{hint}";
    }
}
