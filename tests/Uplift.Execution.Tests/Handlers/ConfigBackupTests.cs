using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Transports;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Config;

namespace Uplift.Tests.Handlers;

/// <summary>The /etc backup before anything is installed, run by the executor through a real local shell: tar, sha256sum
/// and base64 as on a node (the "node" keeps its tarball in a temporary directory).</summary>
public sealed class ConfigBackupTests : IDisposable
{
    private const string Secret = "connection = mysql+pymysql://nova:Zq9-s3cret@db/nova";
    private readonly ExecutorFixture _run = new();
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("uplift-etc-");

    public ConfigBackupTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "etc", "nova"));
        File.WriteAllText(Path.Combine(_root.FullName, "etc", "nova", "nova.conf"), $"[database]\n{Secret}\n");
        _run.Handlers = StepTable.Create(new StepServices()).Replacing(new ConfigBackupHandler(Local), ConfigBackupStep.Kind);
        _run.Shells = node => new LocalTransport().ShellFor(new Node(node, "127.0.0.1", [Role.Compute]));
    }

    private string Local => Path.Combine(_root.FullName, "here", "etc");

    private string NodeFile => Path.Combine(_root.FullName, "node-backups", "etc-cmp1-before-flamingo.tar.gz");

    public void Dispose()
    {
        _run.Dispose();
        _root.Delete(recursive: true);
    }

    private Plan Backup => new TestPlan().Class("default", 1)
        .Step("prepare/cmp1/etc-backup", ConfigBackupStep.Kind, node: "cmp1", arguments:
        [
            ("directories", $"{_root.FullName}/etc/nova {_root.FullName}/etc/neutron"),
            ("node-directory", Path.Combine(_root.FullName, "node-backups")),
            ("name", "etc-cmp1-before-flamingo.tar.gz"),
        ])
        .Build();

    [Fact]
    public async Task Given_a_node_s_etc_When_backed_up_Then_the_tarball_and_its_copy_here_match_are_private_and_no_secret_is_recorded()
    {
        var summary = await _run.RunAsync(Backup);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        var local = Path.Combine(Local, "etc-cmp1-before-flamingo.tar.gz");
        File.ReadAllBytes(local).ShouldBe(File.ReadAllBytes(NodeFile));
        File.ReadAllText(NodeFile + ".sha256").Trim().ShouldBe(File.ReadAllText(local + ".sha256").Trim());
        File.GetUnixFileMode(local).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(NodeFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Local).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var step = _run.Journal.Steps(Backup.InputsHash)["prepare/cmp1/etc-backup"];
        step.Message.ShouldContain("backed up to");
        var recorded = string.Join("\n", step.StandardOutput, step.StandardError, step.Message, File.ReadAllText(_run.JournalPath, System.Text.Encoding.Latin1));
        recorded.ShouldNotContain("s3cret");
        recorded.ShouldNotContain("H4sI", Case.Sensitive, "no base64 of the gzip tarball is recorded");
        var listing = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("tar", ["-tzf", local]) { RedirectStandardOutput = true })!;
        (await listing.StandardOutput.ReadToEndAsync()).ShouldContain("etc/nova/nova.conf");
    }

    [Fact]
    public async Task Given_a_backup_already_taken_When_run_again_Then_it_is_found_done_and_a_damaged_copy_here_is_taken_again()
    {
        (await _run.RunAsync(Backup)).Outcome.ShouldBe(RunOutcome.Succeeded);
        var again = Backup with { InputsHash = "plan-hash-2" };

        (await _run.RunAsync(again)).States["prepare/cmp1/etc-backup"].ShouldBe(StepState.AlreadyDone);

        var local = Path.Combine(Local, "etc-cmp1-before-flamingo.tar.gz");
        File.WriteAllText(local, "damaged");
        var third = Backup with { InputsHash = "plan-hash-3" };
        (await _run.RunAsync(third)).States["prepare/cmp1/etc-backup"].ShouldBe(StepState.Done);
        File.ReadAllBytes(local).ShouldBe(File.ReadAllBytes(NodeFile));
    }
}
