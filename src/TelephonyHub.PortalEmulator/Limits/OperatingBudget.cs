namespace TelephonyHub.PortalEmulator.Limits;

/// <summary>
/// The execution-time limit (reference §2.2): for each (app-or-webhook, method) the time spent is summed in
/// one-minute buckets; a bucket drops 10 minutes after the first call recorded in it. Thread-safe.
/// </summary>
public sealed class OperatingBudget
{
    /// <summary>How long a minute bucket counts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<MinuteBucket>> buckets = new(StringComparer.Ordinal);

    /// <summary>The budget used now by a key (<c>{budgetKey}|{method}</c>).</summary>
    public OperatingState Current(string key, DateTimeOffset now)
    {
        lock (gate)
        {
            return State(Live(key, now));
        }
    }

    /// <summary>Records <paramref name="seconds"/> of execution at <paramref name="now"/> and returns the new state.</summary>
    public OperatingState Charge(string key, DateTimeOffset now, double seconds)
    {
        lock (gate)
        {
            var live = Live(key, now);
            var minute = now.ToUnixTimeSeconds() / 60;
            var index = live.FindIndex(b => b.Minute == minute);
            if (index < 0)
            {
                live.Add(new MinuteBucket(minute, now, seconds));
            }
            else
            {
                live[index] = live[index] with { Seconds = live[index].Seconds + seconds };
            }

            return State(live);
        }
    }

    /// <summary>Forgets everything (limits changed by the admin API).</summary>
    public void Reset()
    {
        lock (gate)
        {
            buckets.Clear();
        }
    }

    private List<MinuteBucket> Live(string key, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets[key] = list;
        }

        list.RemoveAll(b => b.FirstCall + Window <= now);
        return list;
    }

    private static OperatingState State(List<MinuteBucket> live) =>
        live.Count == 0
            ? new OperatingState(0, null)
            : new OperatingState(live.Sum(b => b.Seconds), live.Min(b => b.FirstCall) + Window);

    private sealed record MinuteBucket(long Minute, DateTimeOffset FirstCall, double Seconds);
}
