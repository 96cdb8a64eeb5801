using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>The dispatch's state as the settings page and operators see it.</summary>
public static class DispatchStatusView
{
    public static DispatchStatus Of(DispatchState state, DispatchOptions options)
    {
        var (capacity, drain) = BucketLearning.Limits(state, options);
        return new DispatchStatus
        {
            Pending = state.Queue.Count,
            OldestPendingSince = state.Queue.IsEmpty ? null : state.Queue.Min(q => q.EnqueuedAt),
            PausedBecause = state.PausedBecause,
            Sent = state.Counters.Sent,
            HttpRequests = state.Counters.HttpRequests,
            Retried = state.Counters.Retried,
            Failed = state.Counters.Failed,
            LastError = state.LastError,
            Batched = state.Counters.Batched,
            RejectedByLimit = state.Counters.RejectedByLimit,
            BucketCapacity = capacity,
            BucketDrainPerSecond = drain,
            LicenseFamily = state.Bucket?.LicenseFamily,
            BackingOffUntil = state.BackoffUntil,
        };
    }
}
