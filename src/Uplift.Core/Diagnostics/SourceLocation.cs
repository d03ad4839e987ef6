namespace Uplift.Diagnostics;

/// <summary>A place in an input file; Line and Column are 1-based, 0 when unknown.</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
