namespace Uplift.Testing;

/// <summary>
/// Compares a text with a checked-in expected file. With UPLIFT_UPDATE_GOLDEN=1 the file is (re)written instead,
/// to be reviewed in the diff like code.
/// </summary>
public static class Golden
{
    public static void Match(string actual, string projectRelativePath)
    {
        var path = Fixtures.Project(projectRelativePath);
        if (Environment.GetEnvironmentVariable("UPLIFT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"no expected text at {projectRelativePath}; create it with UPLIFT_UPDATE_GOLDEN=1 and review it");
        }
        var expected = File.ReadAllText(path);
        if (expected == actual)
        {
            return;
        }
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }
        throw new InvalidOperationException(
            $"{projectRelativePath} differs at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
            "if the change is intended, regenerate with UPLIFT_UPDATE_GOLDEN=1 and review the diff");
    }
}
