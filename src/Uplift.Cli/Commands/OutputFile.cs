using Uplift.Diagnostics;

namespace Uplift.Cli.Commands;

/// <summary>
/// Writes what a command produced to the file its --output names: beside it first, then moved in place, so a failure
/// never leaves half a file. A directory, a missing folder or a file that cannot be written is refused (exit 2) naming
/// the path, never a crash.
/// </summary>
internal static class OutputFile
{
    public static void Write(FileInfo file, string text) => Write(file, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    });

    /// <summary>Writes what <paramref name="write"/> puts in the stream it is given (streamed: nothing held in memory).</summary>
    public static void Write(FileInfo file, Action<Stream> write)
    {
        Check(file);
        var path = file.FullName;
        var partial = path + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            File.Delete(partial);
            throw new InputException($"--output {path} cannot be written: {e.Message}", new SourceLocation(path), "choose a file you may write");
        }
        catch
        {
            // What was to be written could not be made (a plan that failed while it was written): no half file stays.
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Refuses an --output that cannot be a file: a directory, or one in a folder that does not exist.</summary>
    public static void Check(FileInfo file)
    {
        var path = file.FullName;
        if (Directory.Exists(path))
        {
            throw new InputException($"--output {path} is a directory", new SourceLocation(path), $"name a file in it, e.g. {Path.Combine(path, "plan.json")}");
        }
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new InputException($"--output {path}: the folder {folder} does not exist", new SourceLocation(path), "create it first, or write elsewhere");
        }
    }
}
