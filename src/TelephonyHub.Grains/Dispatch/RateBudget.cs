using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Our mirror of the portal's leaky bucket (reference §2.1): every HTTP request adds one, the bucket drains at a
/// fixed rate, and a request that would overflow it is refused with QUERY_LIMIT_EXCEEDED. Pacing to the mirror keeps
/// us from being refused; a refusal anyway (another app on the same portal and IP shares the bucket) fills the
/// mirror so we back off until it drains. Live cards may use the last <c>reserve</c> units, everything else waits.
/// </summary>
public sealed class RateBudget(int capacity, double drainPerSecond, int liveCardReserve)
{
    private double _level;
    private DateTimeOffset _updatedAt;

    public int Capacity { get; private set; } = capacity;

    public double DrainPerSecond { get; private set; } = drainPerSecond;

    /// <summary>How long to wait before a request of <paramref name="priority"/> fits into the bucket.</summary>
    public TimeSpan WaitFor(DispatchPriority priority, DateTimeOffset now)
    {
        Drain(now);
        var limit = priority == DispatchPriority.LiveCard ? Capacity : Math.Max(1, Capacity - liveCardReserve);
        var overflow = _level + 1 - limit;
        return overflow <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(overflow / DrainPerSecond);
    }

    /// <summary>True when one more request keeps the bucket at most <paramref name="share"/> full: spending is cheap.</summary>
    public bool HasRoom(double share, DateTimeOffset now)
    {
        Drain(now);
        return _level + 1 <= Capacity * share;
    }

    /// <summary>One HTTP request went out.</summary>
    public void Spend(DateTimeOffset now)
    {
        Drain(now);
        _level += 1;
    }

    /// <summary>The portal said the bucket is full.</summary>
    public void Fill(DateTimeOffset now)
    {
        Drain(now);
        _level = Capacity;
    }

    /// <summary>Adopts the portal's plan limits (e.g. Enterprise: 250 at 5/s).</summary>
    public void Resize(int capacity, double drainPerSecond)
    {
        Capacity = capacity;
        DrainPerSecond = drainPerSecond;
    }

    private void Drain(DateTimeOffset now)
    {
        if (now > _updatedAt)
        {
            _level = Math.Max(0, _level - (now - _updatedAt).TotalSeconds * DrainPerSecond);
            _updatedAt = now;
        }
    }
}
