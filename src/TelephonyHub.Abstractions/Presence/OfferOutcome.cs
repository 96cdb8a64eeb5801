using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Abstractions.Presence;

/// <summary>The operators reserved for a call: the free members of group <see cref="Group"/>.</summary>
/// <param name="Group">Index of the first group with a free member; -1 when nobody in any group was free.</param>
/// <param name="Members">The reserved members, in the group's order; empty when <paramref name="Group"/> is -1.</param>
[GenerateSerializer, Immutable, Alias("offer-outcome-v1")]
public sealed record OfferOutcome([property: Id(0)] int Group, [property: Id(1)] ImmutableArray<QueueMember> Members)
{
    public static OfferOutcome NobodyFree { get; } = new(-1, []);
}
