namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// At most one log line per interval for one kind of failure, with the count of those not logged since. Under
/// overload the same failure happens thousands of times a second; one line per failure made the log itself a load
/// (issue 10: a 1.2 GB warnings log in a one-minute run). Metrics still count every occurrence. Thread-safe.
/// </summary>
public sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private readonly long _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    private long _nextAt;
    private int _suppressed;

    /// <summary>True when this occurrence is to be logged; then <paramref name="suppressed"/> counts those skipped before it.</summary>
    public bool ShouldLog(out int suppressed)
    {
        var now = time.GetTimestamp();
        var next = Volatile.Read(ref _nextAt);
        if (now >= next && Interlocked.CompareExchange(ref _nextAt, now + _intervalTicks, next) == next)
        {
            suppressed = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }

        Interlocked.Increment(ref _suppressed);
        suppressed = 0;
        return false;
    }
}
