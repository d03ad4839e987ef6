using System.Diagnostics;
using Uplift.Cli.Terminal;

namespace Uplift.Tests;

/// <summary>Ctrl-C (SIGINT) and SIGTERM reach the running work's own handler, and the process lives on: sent for real to
/// this test process (were the handler not there, .NET's default would end it).</summary>
public sealed class InterruptsTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Given_work_that_handles_interrupts_When_the_process_gets_the_signal_Then_the_work_is_told_and_the_process_lives(string signal)
    {
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (Interrupts.Handle(() => told.TrySetResult(), terminateToo: true))
        {
            using var kill = Process.Start("kill", $"-{signal} {Environment.ProcessId}");
            await kill.WaitForExitAsync();
            kill.ExitCode.ShouldBe(0);
            await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        told.Task.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Given_work_that_takes_only_ctrl_c_When_asked_for_it_Then_each_press_reaches_it()
    {
        var presses = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (Interrupts.Handle(() =>
        {
            if (Interlocked.Increment(ref presses) == 2)
            {
                second.TrySetResult();
            }
        }))
        {
            for (var press = 0; press < 2; press++)
            {
                using var kill = Process.Start("kill", $"-INT {Environment.ProcessId}");
                await kill.WaitForExitAsync();
            }
            await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        presses.ShouldBe(2, "a second Ctrl-C is the run's abort: it must reach the work too");
    }
}
