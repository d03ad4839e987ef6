namespace Uplift.Tests.Samples;

/// <summary>Reads the upstream-format outputs kept in this folder (see README.md there for their sources), copied beside the tests.</summary>
internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
