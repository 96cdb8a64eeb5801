using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Queues;

/// <summary>
/// A queued call's place in its queue (part of the call's state): which step, which round and member, who is offered
/// the call now and when the step ends. The stored deadline is what a reactivated call re-arms its timer from.
/// </summary>
[GenerateSerializer, Immutable, Alias("queue-progress-v1")]
public sealed record QueueProgress
{
    /// <summary>The queue as resolved when the call came.</summary>
    [Id(0)] public required CallQueue Queue { get; init; }

    /// <summary>The PBX's id of the call, for the ring commands.</summary>
    [Id(1)] public required string PbxCallId { get; init; }

    [Id(2)] public QueueStage Stage { get; init; } = QueueStage.Offering;

    /// <summary>Offers made so far (1 = the first). Numbers the effects of each step, so a replay is harmless.</summary>
    [Id(3)] public int Step { get; init; }

    /// <summary>1-based; 0 before the first offer.</summary>
    [Id(4)] public int Round { get; init; }

    /// <summary>Sequential: index in <see cref="CallQueue.Members"/> of the member offered now. Simultaneous: 0.</summary>
    [Id(5)] public int Position { get; init; }

    /// <summary>Members the call is offered to now: their phones ring, they see the card.</summary>
    [Id(6)] public ImmutableArray<QueueMember> Offered { get; init; } = [];

    [Id(7)] public DateTimeOffset? StepStartedAt { get; init; }

    /// <summary>When the current step ends; null unless <see cref="QueueStage.Offering"/>.</summary>
    [Id(8)] public DateTimeOffset? Deadline { get; init; }
}
