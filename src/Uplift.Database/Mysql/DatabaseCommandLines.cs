using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Shell command lines for the database node: mysql, mysqldump, gzip, sha256sum. Pure: builds text only.
/// Credentials reach the clients only through --defaults-extra-file (which must be their first option),
/// so no password is ever on a command line, in the node's process list or in a log.
/// </summary>
/// <param name="CredentialsFile">my.cnf-style file with a [client] section (user, password, host/socket/port).</param>
public sealed record DatabaseCommandLines(string CredentialsFile)
{
    /// <summary>The last line mysqldump writes (unless --skip-comments): its absence means a cut-off dump.</summary>
    public const string DumpTrailer = "-- Dump completed";

    private string Defaults => "--defaults-extra-file=" + ShellWords.Quote(CredentialsFile);

    /// <summary>mysql in batch mode without column names; the SQL goes on standard input.</summary>
    public string Query() => $"mysql {Defaults} --batch --skip-column-names";

    /// <summary>
    /// <see cref="Query()"/> with the SQL in a here-document: for a part of a command batch, whose standard input
    /// is shared by all parts. The SQL is in the node's process list while it runs: never put a secret in it.
    /// </summary>
    public string Query(string sql)
    {
        const string end = "UPLIFT_SQL_END";
        return sql.Split('\n').Any(line => line.Trim() == end)
            ? throw new ArgumentException($"SQL holds a line '{end}', which would end its here-document", nameof(sql))
            : $"{Query()} <<'{end}'\n{sql}\n{end}";
    }

    /// <summary>
    /// mysql reading SQL statements (a dump) on standard input, stopping at the first error. MariaDB's client prints
    /// the statement that failed by default (print-query-on-error): for a dump that is table data, credentials in
    /// rows included, so it is switched off; --loose- makes clients without the option ignore it. The error line
    /// (code, line number, message) is still printed.
    /// </summary>
    public string Load() => $"mysql {Defaults} --loose-skip-print-query-on-error";

    /// <summary>
    /// Dumps one schema, gzip-compressed, to <paramref name="file"/>. Written to FILE.part first and renamed only
    /// when mysqldump succeeded: /bin/sh has no pipefail, so mysqldump's status travels through FILE.rc.
    /// </summary>
    public string Dump(string schema, string file)
    {
        SchemaName.Quoted(schema);
        var f = ShellWords.Quote(file);
        var part = ShellWords.Quote(file + ".part");
        var rc = ShellWords.Quote(file + ".rc");
        return $"(mysqldump {Defaults} --single-transaction --routines --triggers --events --databases {schema}; echo $? > {rc})"
            + $" | gzip -c > {part} && rc=$(cat {rc}) && rm -f {rc} && [ \"$rc\" = 0 ] && mv {part} {f}"
            + $" || {{ rm -f {part} {rc}; exit 1; }}";
    }

    /// <summary>
    /// Loads a dump into <paramref name="targetSchema"/> instead of the schema it was taken from: rewrites only the
    /// lines mysqldump --databases writes to create, select and alter the database (anchored at line start,
    /// so table data is never touched).
    /// </summary>
    public string LoadInto(string file, string sourceSchema, string targetSchema)
    {
        if (sourceSchema == targetSchema)
        {
            return Restore(file);
        }
        var from = SchemaName.Quoted(sourceSchema);
        var to = SchemaName.Quoted(targetSchema);
        var sed = string.Join(" ", new[]
        {
            $"-e 's/^CREATE DATABASE \\(.*\\){from}/CREATE DATABASE \\1{to}/'",
            $"-e 's/^USE {from};$/USE {to};/'",
            $"-e 's/^ALTER DATABASE {from}/ALTER DATABASE {to}/'",
        });
        return $"gzip -dc {ShellWords.Quote(file)} | sed {sed} | {Load()}";
    }

    /// <summary>
    /// Reads the dump once and prints what <see cref="DumpInspection.Parse"/> reads: gzip's exit status (non-zero for
    /// a truncated or corrupted file), whether mysqldump's trailer line was reached, and how many lines outside table
    /// data (INSERT statements, one line or a row a line) name <paramref name="schema"/> as a qualifier (`schema`.x or schema.x): trigger, routine, event or view
    /// definitions that would act on the original schema even when the dump is loaded under another name.
    /// </summary>
    public static string Inspect(string file, string schema)
    {
        SchemaName.Quoted(schema);
        // Table data is skipped whole: an INSERT line, and the rows MariaDB 11's client writes on lines of their own
        // after it, up to the line ending in ';' (a row's newlines are escaped, so one row is one line).
        // gzip's status line comes first: a dump cut inside an INSERT ends with rows still open.
        var awk = "'/^#uplift-gzip / { status = $2; next } rows { if ($0 ~ /;$/) rows = 0; next } /^INSERT INTO / { rows = ($0 !~ /;$/); next } /^" + DumpTrailer + "/ { done = 1 } "
            + "$0 ~ (\"(^|[^A-Za-z0-9_])`?\" s \"`?[.]\") { n++ } "
            + "END { printf \"gzip=%s trailer=%d qualified=%d\\n\", status, done, n }'";
        return $"{{ gzip -dc {ShellWords.Quote(file)}; s=$?; echo; echo \"#uplift-gzip $s\"; }} | awk -v s={schema} {awk}";
    }

    /// <summary>Loads a dump back into the schema it was taken from (replacing its tables).</summary>
    public string Restore(string file) => $"gzip -dc {ShellWords.Quote(file)} | {Load()}";

    public static string Sha256(string file) => $"sha256sum {ShellWords.Quote(file)}";

    public static string Size(string file) => $"stat -c %s {ShellWords.Quote(file)}";

    public static string MakeDirectory(string directory) => $"mkdir -p -m 700 {ShellWords.Quote(directory)}";

    /// <summary>Bytes [offset, offset+length) of a file, base64-encoded on one line (for copying over stdout).</summary>
    public static string ReadChunk(string file, long offset, int length) =>
        $"tail -c +{offset + 1} {ShellWords.Quote(file)} | head -c {length} | base64 -w0";
}
