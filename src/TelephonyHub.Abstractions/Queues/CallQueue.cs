namespace TelephonyHub.Abstractions.Queues;

/// <summary>
/// A queue resolved for one call: the members' extensions looked up in the portal's directory when the call came
/// (members without an extension left out). The call keeps it for its whole life, so editing the queue never
/// changes a call already in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("call-queue-v1")]
public sealed record CallQueue
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required string LineNumber { get; init; }

    [Id(2)] public required QueueMode Mode { get; init; }

    [Id(3)] public required ImmutableArray<QueueMember> Members { get; init; }

    [Id(4)] public required TimeSpan StepTime { get; init; }

    [Id(5)] public required int Rounds { get; init; }

    /// <summary>For <see cref="QueueOverflowKind.User"/> the user's extension is filled in (absent: hang up instead).</summary>
    [Id(6)] public required QueueOverflow Overflow { get; init; }
}
