using System.Globalization;

namespace Uplift.Timing;

/// <summary>Durations as an operator reads them: "2 h 05 min", "12 min 30 s", "4.5 s".</summary>
public static class Durations
{
    public static string Human(TimeSpan time) =>
        time.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours} h {time.Minutes:00} min")
        : time.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
