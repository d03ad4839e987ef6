using System.Globalization;

namespace Uplift.Execution.Journal;

/// <summary>Who holds a cluster's run lock: written into the lock file as key=value lines.</summary>
public sealed record LockHolder(int ProcessId, string Host, DateTimeOffset Started, DateTimeOffset? ProcessStarted)
{
    public string Write() =>
        $"pid={ProcessId}\nhost={Host}\nstarted={Started.UtcDateTime:O}\nprocess-started={ProcessStarted?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\n";

    public static LockHolder? Read(string text)
    {
        var values = text.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!values.TryGetValue("pid", out var pid) || !int.TryParse(pid, out var id) ||
            !values.TryGetValue("host", out var host) ||
            !values.TryGetValue("started", out var started) || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, out var when))
        {
            return null;
        }
        DateTimeOffset? processStarted = values.TryGetValue("process-started", out var ps) &&
            DateTimeOffset.TryParse(ps, CultureInfo.InvariantCulture, out var p) ? p : null;
        return new LockHolder(id, host, when, processStarted);
    }

    public override string ToString() => $"process {ProcessId} on {Host}, since {Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
}
