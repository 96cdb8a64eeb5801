using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The call's side of the portal's presence grain: offers reserve operators atomically (a queue step, a CRM manager),
/// and after every change presence learns whom the call holds (<see cref="PresenceTold.Next"/>), once per change.
/// </summary>
public sealed class CallPresence(IPresenceGrain presence, string callKey)
{
    private PresenceTold _told = PresenceTold.Unknown;

    /// <summary>Offers the call to operators; also with no slots left, so the offer releases whoever the call held.</summary>
    public async Task<OfferOutcome> OfferAsync(OperatorOffer offer)
    {
        var outcome = await presence.OfferAsync(offer);
        _told = PresenceTold.AfterOffer(outcome);
        return outcome;
    }

    /// <summary>Tells presence whom <paramref name="call"/> holds now, if it does not know yet.</summary>
    public async Task SyncAsync(CallState call)
    {
        if (_told.Next(call) is not { } next)
        {
            return;
        }

        if (next.Talking is { } talking)
        {
            await presence.EngageAsync(callKey, talking);
        }
        else
        {
            await presence.ReleaseAsync(callKey);
        }

        _told = next;
    }
}
