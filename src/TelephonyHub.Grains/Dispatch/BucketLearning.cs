using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Apps;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Learns the portal's leaky bucket once (reference §2.1: "plan can be detected with <c>app.info</c> →
/// <c>LICENSE_FAMILY</c>"). Until the answer comes, the configured default (the smallest plan's 50 at 2/s) applies, so
/// guessing low only costs speed, never a refusal.
/// </summary>
public static class BucketLearning
{
    /// <summary>Request id prefix of the probe: the dispatch's own request, answered to nobody.</summary>
    public const string ProbePrefix = "dispatch:app.info:";

    private const int EnterpriseCapacity = 250;
    private const double EnterpriseDrainPerSecond = 5;
    private const int OrdinaryCapacity = 50;
    private const double OrdinaryDrainPerSecond = 2;

    /// <summary>Queues an <c>app.info</c> when the bucket is not known yet and none is on its way.</summary>
    public static DispatchState EnsureProbe(DispatchState state, DateTimeOffset now)
    {
        if (state.Bucket is not null || state.Queue.Any(q => q.Request.Request is GetAppInfo))
        {
            return state;
        }

        // Sorted with the live cards: its answer decides how fast every card after it can go, and it rides in a batch
        // that is sent anyway, so it costs no request of its own.
        var probe = new DispatchRequest
        {
            RequestId = ProbePrefix + state.NextSequence,
            Request = new GetAppInfo(),
            Priority = DispatchPriority.LiveCard,
        };
        return DispatchEnqueue.Add(state, [probe], now).State;
    }

    /// <summary>The bucket of the plan <c>app.info</c> reported.</summary>
    public static PortalBucket Learn(AppInfo info, DateTimeOffset now) => info.IsEnterprise
        ? new PortalBucket { Capacity = EnterpriseCapacity, DrainPerSecond = EnterpriseDrainPerSecond, LicenseFamily = info.LicenseFamily, LearnedAt = now }
        : new PortalBucket { Capacity = OrdinaryCapacity, DrainPerSecond = OrdinaryDrainPerSecond, LicenseFamily = info.LicenseFamily, LearnedAt = now };

    /// <summary>The portal would not tell (e.g. no right to <c>app.info</c>): keep the configured default, and stop asking.</summary>
    public static PortalBucket Unknown(DispatchOptions options, DateTimeOffset now) =>
        new() { Capacity = options.BucketCapacity, DrainPerSecond = options.BucketDrainPerSecond, LearnedAt = now };

    /// <summary>The bucket to pace to: the learned one, else the configured default.</summary>
    public static (int Capacity, double DrainPerSecond) Limits(DispatchState state, DispatchOptions options) =>
        state.Bucket is { } bucket ? (bucket.Capacity, bucket.DrainPerSecond) : (options.BucketCapacity, options.BucketDrainPerSecond);
}
