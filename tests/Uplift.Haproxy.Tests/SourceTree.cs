using System.Reflection;
using System.Runtime.CompilerServices;

namespace Uplift.Tests;

/// <summary>
/// Builds with UPLIFT_ARTIFACTS run tests from outside the tree, where Uplift.Testing.Fixtures cannot find the project
/// root from its working directory: start from this project's source folder instead.
/// </summary>
internal static class SourceTree
{
    [ModuleInitializer]
    internal static void StartInSourceFolder()
    {
        var source = typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        if (source is not null && Directory.Exists(source))
        {
            Directory.SetCurrentDirectory(source);
        }
    }
}
