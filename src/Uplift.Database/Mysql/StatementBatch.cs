using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Several SQL statements for one mysql client start (each start is a process and a login), told apart again in
/// what it prints: after each statement the batch selects a marker row, so mysql --batch --skip-column-names prints
/// the marker on a line of its own where that statement's rows end. Without --force, mysql stops at the first
/// statement that fails, so the statements with no marker did not complete, and the first of them is the one that
/// failed. Pure: builds and splits text.
/// </summary>
public sealed class StatementBatch
{
    private const string MarkerPrefix = "uplift-statement-end-";

    private readonly string _marker;

    /// <param name="statements">SQL, in order; one entry may hold several statements (e.g. a transaction).</param>
    /// <param name="token">Makes the marker unlike any row; random unless given (tests).</param>
    public StatementBatch(IReadOnlyList<string> statements, string? token = null)
    {
        if (statements.Count == 0)
        {
            throw new ArgumentException("a statement batch needs at least one statement", nameof(statements));
        }
        Statements = statements;
        _marker = EndMarkers.Token(MarkerPrefix, token);
    }

    public IReadOnlyList<string> Statements { get; }

    /// <summary>The SQL for mysql's standard input.</summary>
    public string Sql => string.Concat(Statements.Select(s => $"{s.Trim().TrimEnd(';')};\nSELECT '{_marker}';\n"));

    /// <summary>What each statement printed, for the statements that completed (a prefix of <see cref="Statements"/>).</summary>
    public IReadOnlyList<string> Split(string output)
    {
        var outputs = new List<string>();
        var current = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (line.TrimEnd('\r') == _marker && outputs.Count < Statements.Count)
            {
                outputs.Add(string.Concat(current.Select(l => l + "\n")));
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }
        return outputs;
    }
}
