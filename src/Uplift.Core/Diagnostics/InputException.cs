namespace Uplift.Diagnostics;

/// <summary>
/// Bad input from the operator (inventory, plan file, release names, paths, command output).
/// Carries every problem found so they can be reported together; the CLI maps it to exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("at least one diagnostic is required", nameof(diagnostics));
        }
        Diagnostics = diagnostics;
    }

    public InputException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public InputException(string summary, SourceLocation? where = null, string? hint = null)
        : this(new Diagnostic(summary, where, hint))
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
