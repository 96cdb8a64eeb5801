namespace TelephonyHub.Benchmarks.Hub;

/// <summary>GC pauses of a window: how many, how long in all and at most, and how many reached 10 ms.</summary>
public sealed record GcPauses(int Count, double TotalMs, double LongestMs, int AtLeast10Ms, TimeSpan Window)
{
    public double PausedPercent => Window > TimeSpan.Zero ? TotalMs / Window.TotalMilliseconds * 100 : 0;

    public static GcPauses Of(IReadOnlyList<double> pausesMs, TimeSpan window) =>
        new(pausesMs.Count, pausesMs.Sum(), pausesMs.DefaultIfEmpty(0).Max(), pausesMs.Count(p => p >= 10), window);
}
