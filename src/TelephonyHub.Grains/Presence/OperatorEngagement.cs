using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Presence;

/// <summary>The operators one call holds, and until when the hold counts without news from the call.</summary>
[GenerateSerializer, Immutable, Alias("operator-engagement-v1")]
public sealed record OperatorEngagement
{
    [Id(0)] public required EngagementKind Kind { get; init; }

    [Id(1)] public required ImmutableArray<QueueMember> Members { get; init; }

    [Id(2)] public required DateTimeOffset Since { get; init; }

    /// <summary>A call that died without releasing its operators does not keep them beyond this.</summary>
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
}
