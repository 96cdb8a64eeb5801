using System.Globalization;
using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>The fixed load of the hub benchmarks: the realistic mix, short ring and talk times so calls complete within the run.</summary>
public static class LoadProfile
{
    public static LoadOptions For(BenchmarkRun run, double rate, TimeSpan duration, Func<string, Uri> recordingUrl) => new()
    {
        CallsPerSecond = rate,
        Duration = duration,
        DrainTimeout = TimeSpan.FromSeconds(run.Short ? 60 : 180),
        Mix = run.Arguments.TryGetValue("mix", out var mix) ? CallMix.Parse(mix) : CallMix.Realistic,
        RingTime = new Distribution { Mean = TimeSpan.FromMilliseconds(run.Int("ring-ms", measured: 1000, @short: 50)) },
        TalkTime = new Distribution { Mean = TimeSpan.FromMilliseconds(run.Int("talk-ms", measured: 3000, @short: 100)) },
        RecordingDelay = new Distribution { Mean = TimeSpan.FromMilliseconds(run.Int("recording-ms", measured: 500, @short: 50)) },
        CommandWait = TimeSpan.FromMilliseconds(200),
        AckTimeout = TimeSpan.FromSeconds(60),
        MaxActiveCalls = (int)Math.Max(1000, rate * 60),
        RecordingUrl = recordingUrl,
        Seed = run.Int("seed", measured: 1, @short: 1),
    };

    public static string Describe(LoadOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.CallsPerSecond:0.##} calls/s for {o.Duration.TotalSeconds:0} s; mix {o.Mix}; ring {o.RingTime}; talk {o.TalkTime}; recording after {o.RecordingDelay}");
}
