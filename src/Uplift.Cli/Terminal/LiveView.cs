using Spectre.Console;
using Spectre.Console.Rendering;

namespace Uplift.Cli.Terminal;

/// <summary>
/// The CLI's one live display (a run's progress, exec's nodes): while the work runs it redraws what
/// <c>render</c> gives, four times a second and once more when the work ends. The console and the clock are injected.
/// </summary>
internal static class LiveView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    /// <param name="keepLast">Leave the last drawing on the terminal (a run's final state) instead of clearing it.</param>
    public static async Task<T> ShowWhileAsync<T>(IAnsiConsole console, Func<IRenderable> render, Func<Task<T>> run, TimeProvider time, bool keepLast)
    {
        T result = default!;
        await console.Live(render()).AutoClear(!keepLast).StartAsync(async context =>
        {
            var running = run();
            while (await Task.WhenAny(running, Task.Delay(Refresh, time)).ConfigureAwait(false) != running)
            {
                context.UpdateTarget(render());
            }
            context.UpdateTarget(render());
            result = await running.ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }
}
