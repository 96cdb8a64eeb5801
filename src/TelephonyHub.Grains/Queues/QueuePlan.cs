using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Queues;

/// <summary>
/// What a call asks presence for before its next step: the candidate slots in order of preference. Presence reserves
/// the free members of the first slot that has any; <see cref="QueueDecisions.Offered"/> then turns that into cards
/// and a ring command.
/// </summary>
/// <param name="Cause">Why the queue moves (for logs and the step's start time).</param>
/// <param name="Slots">Candidates; empty when nothing is left to try.</param>
/// <param name="Now">The hub's clock when the plan was made.</param>
/// <param name="StepStart">When a new step would start: normally now; on a timely timeout the old deadline, so steps
/// do not drift by the timer's lateness.</param>
/// <param name="StepDeadline">When a new step would end.</param>
public sealed record QueuePlan(QueueAdvance Cause, ImmutableArray<QueueSlot> Slots, DateTimeOffset Now, DateTimeOffset StepStart, DateTimeOffset StepDeadline)
{
    /// <summary>The request for the presence grain.</summary>
    /// <remarks>A new step ends last, so its deadline bounds the reservation either way.</remarks>
    public OperatorOffer ToOffer(string callKey) => new(callKey, [.. Slots.Select(s => new OfferGroup(s.Members))], StepDeadline);
}
