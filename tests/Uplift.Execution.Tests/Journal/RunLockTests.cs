using System.Diagnostics;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Testing;

namespace Uplift.Tests.Journal;

public sealed class RunLockTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"uplift-lock-{Guid.NewGuid():N}");
    private readonly TestClock _time = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string LockPath => Path.Combine(_directory, "lab.lock");

    [Fact]
    public void Given_a_held_lock_When_a_second_run_starts_Then_it_is_refused_naming_the_holder()
    {
        using var first = RunLock.Acquire(LockPath, _time);

        var refused = Should.Throw<InputException>(() => RunLock.Acquire(LockPath, _time));

        refused.Message.ShouldContain($"process {Environment.ProcessId} on {Environment.MachineName}");
        refused.Diagnostics[0].Hint!.ShouldContain(LockPath);
    }

    [Fact]
    public void Given_a_new_state_directory_When_the_lock_is_taken_first_Then_the_folder_is_its_owner_s_only()
    {
        using var held = RunLock.Acquire(LockPath, _time);

        File.GetUnixFileMode(_directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            "the lock is taken before the journal is opened: the folder it creates holds journals and backups");
    }

    [Fact]
    public void Given_a_released_lock_When_a_run_starts_Then_it_gets_the_lock()
    {
        RunLock.Acquire(LockPath, _time).Dispose();

        using var second = RunLock.Acquire(LockPath, _time);

        second.TakenOver.ShouldBeNull();
        File.Exists(LockPath).ShouldBeTrue();
    }

    [Fact]
    public void Given_the_lock_of_a_dead_process_When_a_run_starts_Then_it_takes_the_lock_over_and_says_whose_it_was()
    {
        using var gone = Process.Start("/bin/true")!;
        gone.WaitForExit();
        Directory.CreateDirectory(_directory);
        File.WriteAllText(LockPath, new LockHolder(gone.Id, Environment.MachineName, _time.GetUtcNow(), null).Write());

        using var taken = RunLock.Acquire(LockPath, _time);

        taken.TakenOver!.ProcessId.ShouldBe(gone.Id);
        LockHolder.Read(File.ReadAllText(LockPath))!.ProcessId.ShouldBe(Environment.ProcessId);
    }

    [Fact]
    public void Given_the_lock_of_a_live_process_that_reused_a_pid_When_a_run_starts_Then_it_is_stale()
    {
        Directory.CreateDirectory(_directory);
        var longAgo = _time.GetUtcNow().AddYears(-3);
        File.WriteAllText(LockPath, new LockHolder(Environment.ProcessId, Environment.MachineName, longAgo, longAgo).Write());

        using var taken = RunLock.Acquire(LockPath, _time);

        taken.TakenOver.ShouldNotBeNull();
    }

    [Fact]
    public void Given_the_lock_of_another_host_When_a_run_starts_Then_it_is_refused()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(LockPath, new LockHolder(1, "bastion-2", _time.GetUtcNow(), null).Write());

        var refused = Should.Throw<InputException>(() => RunLock.Acquire(LockPath, _time));

        refused.Message.ShouldContain("bastion-2");
    }
}
