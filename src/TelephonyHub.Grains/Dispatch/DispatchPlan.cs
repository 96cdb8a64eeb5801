using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>What the dispatch does next: send these now, or wake at a time (or when something is enqueued).</summary>
/// <param name="State">The state after compaction and after dropping what can never be sent.</param>
/// <param name="Compacted">Requests of calls already over that no longer need sending (their cards).</param>
/// <param name="Dropped">Requests removed for good, to report to their requesters.</param>
/// <param name="Send">Requests to send now: one alone, or several as one batch.</param>
/// <param name="WakeAt">When nothing can be sent now: the earliest time something can.</param>
public sealed record DispatchPlan(
    DispatchState State,
    ImmutableArray<QueuedRequest> Compacted,
    ImmutableArray<DispatchNotice> Dropped,
    ImmutableArray<PreparedRequest> Send,
    DateTimeOffset? WakeAt);
