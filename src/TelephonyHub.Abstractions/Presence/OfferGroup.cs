using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Abstractions.Presence;

/// <summary>Members offered together: all of them that are free, or none.</summary>
[GenerateSerializer, Immutable, Alias("offer-group-v1")]
public sealed record OfferGroup([property: Id(0)] ImmutableArray<QueueMember> Members);
