using Uplift.Diagnostics;

namespace Uplift.Inventory;

/// <summary>Reads an input file named by the operator; a missing or unreadable one is bad input, not a crash.</summary>
internal static class InputFile
{
    public static byte[] ReadAllBytes(string path, string what, string hint)
    {
        if (Directory.Exists(path))
        {
            throw new InputException($"{what}: this is a directory, not a file", new SourceLocation(path), hint);
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {what}: {e.Message}", new SourceLocation(path), hint);
        }
    }

    /// <summary>UTF-8 text without a leading byte-order mark.</summary>
    public static string Text(byte[] bytes) => new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
}
