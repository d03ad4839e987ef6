namespace Uplift.Testing;

/// <summary>Finds files of the project and of ../shared/fixtures from a test's working directory.</summary>
public static class Fixtures
{
    /// <summary>The project root (the folder holding Uplift.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file under ../shared/fixtures, e.g. Shared("haproxy/show_stat.txt").</summary>
    public static string Shared(string relative) => Path.Combine(Root, "..", "shared", "fixtures", relative);

    public static string ReadShared(string relative) => File.ReadAllText(Shared(relative));

    /// <summary>A file of the project, e.g. Project("examples/inventory.yaml").</summary>
    public static string Project(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var root = typeof(Fixtures).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectRoot")?.Value;
        if (root is not null && File.Exists(Path.Combine(root, "Uplift.slnx")))
        {
            return root;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uplift.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the project root (Uplift.slnx) above " + AppContext.BaseDirectory);
    }
}
