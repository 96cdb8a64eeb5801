using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Abstractions.Presence;

/// <summary>
/// A call asks for operators: the free members of the first group that has any. Sequential queues send one member
/// per group (the next in turn first), simultaneous queues all members per group (one group per round).
/// </summary>
/// <param name="CallKey">The asking call; what it was offered before is replaced by this offer's result.</param>
/// <param name="Groups">Candidates in order of preference.</param>
/// <param name="Until">When the offer ends unless renewed (the step's deadline); a reservation of a call that died
/// is dropped some time after it.</param>
[GenerateSerializer, Immutable, Alias("operator-offer-v1")]
public sealed record OperatorOffer(
    [property: Id(0)] string CallKey,
    [property: Id(1)] ImmutableArray<OfferGroup> Groups,
    [property: Id(2)] DateTimeOffset Until);
