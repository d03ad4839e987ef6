using System.Diagnostics;
using System.Runtime.InteropServices;
using Uplift.Cli.Terminal;

namespace Uplift.Tests;

/// <summary>Ctrl-C (SIGINT), and SIGTERM where asked, reach the running work's own handler instead of ending the process.</summary>
public sealed class InterruptsTests
{
    /// <summary>Sent for real to this test process: were the handler not there, .NET's default would end it. (SIGTERM:
    /// a test host started in the background, as CI starts it, has SIGINT ignored, which a registration rightly keeps.)</summary>
    [Fact]
    public async Task Given_work_that_handles_interrupts_When_the_process_gets_sigterm_twice_Then_the_work_is_told_each_time_and_the_process_lives()
    {
        var told = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (Interrupts.Handle(() =>
        {
            if (Interlocked.Increment(ref told) == 2)
            {
                second.TrySetResult();
            }
        }, terminateToo: true))
        {
            for (var signal = 0; signal < 2; signal++)
            {
                using var kill = Process.Start("kill", $"-TERM {Environment.ProcessId}");
                await kill.WaitForExitAsync();
                kill.ExitCode.ShouldBe(0);
            }
            await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        told.ShouldBe(2, "a second Ctrl-C is the run's abort: it must reach the work too");
    }

    [Theory]
    [InlineData(false, new[] { PosixSignal.SIGINT })]
    [InlineData(true, new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })]
    public void Given_work_When_it_takes_interrupts_Then_ctrl_c_and_if_asked_sigterm_are_taken_from_the_default_and_given_to_it(
        bool terminateToo, PosixSignal[] expected)
    {
        var registered = new List<(PosixSignal Signal, Action<PosixSignalContext> Handler)>();
        var told = 0;

        using (Interrupts.Handle(() => told++, terminateToo, (signal, handler) =>
        {
            registered.Add((signal, handler));
            return new MemoryStream();
        }))
        {
            registered.Select(r => r.Signal).ShouldBe(expected);
            foreach (var (signal, handler) in registered)
            {
                var context = new PosixSignalContext(signal);
                handler(context);
                context.Cancel.ShouldBeTrue($"{signal} must not end the process");
            }
        }

        told.ShouldBe(expected.Length);
    }
}
