using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>The dispatch's state as the settings page and operators see it.</summary>
public static class DispatchStatusView
{
    public static DispatchStatus Of(DispatchState state) => new()
    {
        Pending = state.Queue.Count,
        OldestPendingSince = state.Queue.IsEmpty ? null : state.Queue.Min(q => q.EnqueuedAt),
        PausedBecause = state.PausedBecause,
        Sent = state.Counters.Sent,
        HttpRequests = state.Counters.HttpRequests,
        Retried = state.Counters.Retried,
        Failed = state.Counters.Failed,
        LastError = state.LastError,
    };
}
