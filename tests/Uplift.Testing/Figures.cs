namespace Uplift.Testing;

/// <summary>
/// Figures a test measures (requests failed during an upgrade, …): appended to the file named by $UPLIFT_FIGURES,
/// which scripts/test prints after the suite, so they are seen on every run and not only when a test fails.
/// </summary>
public static class Figures
{
    private static readonly object Gate = new();

    public static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("UPLIFT_FIGURES") is { Length: > 0 } file)
        {
            lock (Gate)
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }
}
