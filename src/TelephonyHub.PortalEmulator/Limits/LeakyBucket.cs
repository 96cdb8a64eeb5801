namespace TelephonyHub.PortalEmulator.Limits;

/// <summary>
/// The request-rate limit (reference §2.1): every request adds 1, the level drains by Y per second, and a request
/// that would lift it over X is refused. Thread-safe; time comes from the caller so a fake clock drives it.
/// </summary>
public sealed class LeakyBucket
{
    private readonly Lock gate = new();
    private double level;
    private DateTimeOffset drainedAt;

    /// <summary>Adds one request if it fits; false means answer 503 <c>QUERY_LIMIT_EXCEEDED</c>.</summary>
    public bool TryAdd(DateTimeOffset now, double size, double drainPerSecond)
    {
        lock (gate)
        {
            Drain(now, drainPerSecond);
            if (level + 1 > size)
            {
                return false;
            }

            level += 1;
            return true;
        }
    }

    /// <summary>The level after draining up to <paramref name="now"/>.</summary>
    public double Level(DateTimeOffset now, double drainPerSecond)
    {
        lock (gate)
        {
            Drain(now, drainPerSecond);
            return level;
        }
    }

    /// <summary>Empties the bucket (limits changed by the admin API).</summary>
    public void Reset()
    {
        lock (gate)
        {
            level = 0;
        }
    }

    private void Drain(DateTimeOffset now, double drainPerSecond)
    {
        if (now > drainedAt)
        {
            level = Math.Max(0, level - ((now - drainedAt).TotalSeconds * drainPerSecond));
            drainedAt = now;
        }
    }
}
