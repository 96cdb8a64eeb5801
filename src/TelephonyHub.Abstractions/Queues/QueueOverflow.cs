namespace TelephonyHub.Abstractions.Queues;

/// <summary>The queue's overflow rule: where a call goes when no member took it.</summary>
[GenerateSerializer, Immutable, Alias("queue-overflow-v1")]
public sealed record QueueOverflow
{
    /// <summary>Hang up: the default when nothing else is configured.</summary>
    public static QueueOverflow HangUp { get; } = new() { Kind = QueueOverflowKind.HangUp };

    [Id(0)] public required QueueOverflowKind Kind { get; init; }

    /// <summary>
    /// <see cref="QueueOverflowKind.Extension"/>: the PBX extension to transfer to. For a call's queue
    /// (<see cref="CallQueue"/>) and <see cref="QueueOverflowKind.User"/>: the user's extension at the time the call came.
    /// </summary>
    [Id(1)] public string? Extension { get; init; }

    /// <summary><see cref="QueueOverflowKind.User"/>: the Bitrix24 user who takes the call.</summary>
    [Id(2)] public long? UserId { get; init; }
}
