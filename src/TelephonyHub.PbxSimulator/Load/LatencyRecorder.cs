namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// Latencies in logarithmic buckets 1 % wide (so p99 of a million samples costs a few kilobytes), from 1 µs to
/// 10 minutes. Thread-safe; percentiles are the upper edge of their bucket (at most 1 % high), the maximum is exact.
/// </summary>
public sealed class LatencyRecorder
{
    private const double Growth = 1.01;
    private static readonly double LogGrowth = Math.Log(Growth);
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(600e6) / LogGrowth) + 2;

    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _maxTicks;
    private long _sumTicks;

    public long Count => Interlocked.Read(ref _count);

    public TimeSpan Max => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

    public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref _sumTicks) / Count);

    public void Record(TimeSpan latency)
    {
        var ticks = Math.Max(0, latency.Ticks);
        var micros = ticks / (double)TimeSpan.TicksPerMicrosecond;
        var bucket = micros <= 1 ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(micros) / LogGrowth));
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumTicks, ticks);
        var max = Interlocked.Read(ref _maxTicks);
        while (ticks > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxTicks, ticks, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency below which <paramref name="percent"/> % of the samples fall; zero without samples.</summary>
    public TimeSpan Percentile(double percent)
    {
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(count * percent / 100);
        long seen = 0;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            seen += Interlocked.Read(ref _buckets[bucket]);
            if (seen >= rank)
            {
                var upper = TimeSpan.FromTicks((long)(Math.Pow(Growth, bucket) * TimeSpan.TicksPerMicrosecond));
                return upper < Max ? upper : Max;
            }
        }

        return Max;
    }
}
