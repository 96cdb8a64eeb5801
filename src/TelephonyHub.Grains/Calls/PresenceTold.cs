using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Grains.CrmRouting;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// What the portal's presence grain was last told about a call's operators: the operator it talks to, or nobody.
/// Unknown after an activation, and after an offer that reserved someone (the offer told presence itself).
/// </summary>
/// <param name="Talking">The operator presence holds busy for this call.</param>
/// <param name="Nobody">Presence was told the call holds nobody.</param>
public sealed record PresenceTold(long? Talking, bool Nobody)
{
    public static readonly PresenceTold Unknown = new(null, false);

    /// <summary>After an offer: it reserved whom it returned, so presence knows; an empty one released everyone.</summary>
    public static PresenceTold AfterOffer(OfferOutcome outcome) => new(null, outcome.Members.IsEmpty);

    /// <summary>
    /// What presence must learn about <paramref name="call"/>, or null when it knows already. An answered call holds its
    /// operator (busy for queues) until it ends; any other call holds nobody (a manager it rang included). While a
    /// queue step or a manager's phone rings, the offer holds the operators and nothing is said.
    /// </summary>
    public PresenceTold? Next(CallState call)
    {
        if (CallDeadlines.Of(call).QueueStep is not null || CrmRoutingDecisions.IsRingingManager(call))
        {
            return null;
        }

        if (call is { Phase: CallPhase.Answered, HandlingUserId: { } talking })
        {
            return Talking == talking ? null : new PresenceTold(talking, false);
        }

        return !Nobody && (call.Queue is not null || call.HandlingUserId is not null || call.Crm?.Manager is not null)
            ? new PresenceTold(null, true)
            : null;
    }
}
