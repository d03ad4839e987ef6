using System.Runtime.InteropServices;

namespace Uplift.Cli.Terminal;

/// <summary>
/// The one place the CLI takes Ctrl-C (SIGINT), and SIGTERM where a command asks: while a command's work runs, each
/// signal calls the work's own handler, which stops it its way (and says so on stderr), instead of the process being
/// killed with nothing cleaned up. Outside <see cref="Handle"/>, .NET's default applies.
/// </summary>
internal static class Interrupts
{
    /// <param name="onSignal">Called on each signal, on .NET's signal thread: it must not block.</param>
    /// <param name="terminateToo">SIGTERM too (a command that often runs in the background, where a non-interactive
    /// shell leaves SIGINT ignored).</param>
    public static IDisposable Handle(Action onSignal, bool terminateToo = false) => Handle(onSignal, terminateToo, PosixSignalRegistration.Create);

    /// <param name="register">How a signal's handler is registered (tests pass their own).</param>
    internal static IDisposable Handle(Action onSignal, bool terminateToo, Func<PosixSignal, Action<PosixSignalContext>, IDisposable> register)
    {
        void Take(PosixSignalContext signal)
        {
            signal.Cancel = true;
            onSignal();
        }
        IDisposable[] registrations = terminateToo
            ? [register(PosixSignal.SIGINT, Take), register(PosixSignal.SIGTERM, Take)]
            : [register(PosixSignal.SIGINT, Take)];
        return new Registrations(registrations);
    }

    private sealed class Registrations(IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
