using System.Diagnostics;

namespace Uplift.Tests;

/// <summary>Debian's chromium, headless: what its DOM holds once it has loaded a local file (--dump-dom; no sandbox, as
/// the tests run as root; a profile of its own in <paramref name="scratch"/>).</summary>
internal static class Chromium
{
    public static async Task<string> DomAsync(string file, string scratch)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.Combine(scratch, "chromium-profile")}", "--dump-dom", new Uri(file).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }
        using var chromium = Process.Start(start)!;
        var dom = chromium.StandardOutput.ReadToEndAsync();
        var error = chromium.StandardError.ReadToEndAsync();
        await chromium.WaitForExitAsync();
        chromium.ExitCode.ShouldBe(0, await error);
        return await dom;
    }
}
