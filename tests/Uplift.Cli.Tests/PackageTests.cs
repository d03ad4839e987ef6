using System.Diagnostics;
using Uplift.Testing;

namespace Uplift.Tests;

/// <summary>
/// scripts/package's .deb installs and runs where no .NET is: installed with dpkg into a root of its own, then run in a
/// mount namespace where the SDK's folder is an empty directory and PATH has no dotnet. Runs as root (unshare, mount).
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uplift-package-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Given_the_deb_installed_with_dpkg_When_run_without_dotnet_Then_version_and_plan_work_and_completion_and_manual_are_installed()
    {
        var (built, listing) = await RunAsync("bash", Fixtures.Project("scripts/package"), Path.Combine(_dir, "out"));
        built.ShouldBe(0, listing);
        var deb = listing.Trim().Split('\n')[^1];
        deb.ShouldEndWith("_amd64.deb");
        var (_, version) = await RunAsync("dpkg-deb", "-f", deb, "Version");
        var root = Path.Combine(_dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg/info"));
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg/updates"));
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "");
        // Its dependencies (libc6, openssh-client …) are this machine's; the root of its own only holds what it installs.
        var (installed, said) = await RunAsync("dpkg", $"--root={root}", "--force-depends", "-i", deb);
        installed.ShouldBe(0, said);
        File.Exists(Path.Combine(root, "usr/share/bash-completion/completions/uplift")).ShouldBeTrue();
        File.Exists(Path.Combine(root, "usr/share/man/man1/uplift.1.gz")).ShouldBeTrue();

        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var hideDotnet = string.Join(" && ", new[] { "/usr/share/dotnet", "/usr/lib/dotnet" }.Where(Directory.Exists).Select(d => $"mount --bind {empty} {d}"));
        var (ran, output) = await RunAsync("unshare", "-m", "sh", "-c",
            $"{hideDotnet} && ! command -v dotnet && cd {Fixtures.Root} && " +
            $"env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME={_dir} {root}/usr/bin/uplift --version && " +
            $"env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME={_dir} {root}/usr/bin/uplift plan -i examples/inventory.yaml --from epoxy --to flamingo");

        ran.ShouldBe(0, output);
        var (program, commit) = (output.Split('\n')[0].Split('+')[0], output.Split('\n')[0].Split('+')[1]);
        var (package, packageCommit) = (version.Trim().Split("+git")[0], version.Trim().Split("+git")[1]);
        package.ShouldBe(program, "the package's version is the program's");
        commit.ShouldStartWith(packageCommit, customMessage: "and names the commit it was built from");
        output.ShouldContain("epoxy → flamingo");
    }

    /// <summary>Runs with bin/obj of its own (Directory.Build.props' UPLIFT_ARTIFACTS, kept across runs for speed): a build of
    /// the checkout at the same time cannot collide with the package's publish.</summary>
    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["UPLIFT_ARTIFACTS"] = Path.Combine(Path.GetTempPath(), "uplift-package-build");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
