using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
public sealed record LatencyFigures(long Count, double P50, double P95, double P99, double Max)
{
    public static LatencyFigures Of(LatencyRecorder recorder) => new(
        recorder.Count,
        recorder.Percentile(50).TotalMilliseconds,
        recorder.Percentile(95).TotalMilliseconds,
        recorder.Percentile(99).TotalMilliseconds,
        recorder.Max.TotalMilliseconds);

    public override string ToString() => Count == 0 ? "no samples" : $"p50 {P50:0.0} / p95 {P95:0.0} / p99 {P99:0.0} / max {Max:0.0} ms ({Count} samples)";
}
