using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Abstractions.Presence;

/// <summary>
/// Who on the portal can take a call (key: the portal id): what the PBX says about the extensions (idle, busy,
/// do-not-disturb, offline), and which operators the hub's own calls hold — offered a queued call, or talking.
/// Operators are handed out here and only here, one request at a time, so two calls arriving in the same
/// millisecond never get the same free operator.
/// </summary>
public interface IPresenceGrain : IPortalPart
{
    /// <summary>
    /// Applies a report; an older report than the one held is ignored, a replayed one is a duplicate. A member who
    /// stops being available while a queued call is offered to them is reported to that call
    /// (<see cref="Queues.IQueuedCallGrain"/>).
    /// </summary>
    Task<EventOutcome> ApplyAsync(ExtensionStateChanged change);

    /// <summary>The last reported state of every extension that reported one.</summary>
    [ReadOnly]
    Task<ImmutableDictionary<string, ExtensionPresence>> GetAllAsync();

    /// <summary>
    /// Reserves the free members of the offer's first group that has any, for that call, replacing whatever the call
    /// held. Free: the PBX does not report the extension busy, in do-not-disturb or offline, and no other call holds
    /// the user. Stored before it answers.
    /// </summary>
    Task<OfferOutcome> OfferAsync(OperatorOffer offer);

    /// <summary>The call was answered by <paramref name="userId"/>: they are busy with it until it is released.</summary>
    Task EngageAsync(string callKey, long userId);

    /// <summary>The call holds nobody any more (it ended, or left its queue).</summary>
    Task ReleaseAsync(string callKey);

    /// <summary>Users held by the hub's calls right now (user → call key).</summary>
    [ReadOnly]
    Task<ImmutableDictionary<long, string>> GetHeldOperatorsAsync();
}
