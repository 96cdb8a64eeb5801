using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// Hands a click's stored outbox over (<see cref="ClickOutboxParts"/>): Bitrix24 requests to the portal's dispatch,
/// then the originate to the PBX link, whose delivery the click learns from. Effect ids make a second hand-over harmless.
/// </summary>
/// <param name="logger">The click grain's logger: these lines are the click's.</param>
public sealed partial class ClickOutboxHandOver(IGrainFactory grains, TimeProvider time, ILogger logger, string clickKey, GrainId replyTo)
{
    /// <summary>
    /// False (logged) when something could not be handed over, to be tried again; else true, with the PBX link's
    /// delivery of the originate when one was sent.
    /// </summary>
    public async Task<(bool HandedOver, PbxDelivery? Delivery)> HandOverAsync(ImmutableArray<ClickEffect> outbox)
    {
        var portalId = ClickKey.Parse(clickKey).PortalId;
        PbxDelivery? delivery = null;
        try
        {
            var parts = ClickOutboxParts.Of(clickKey, outbox, replyTo);
            if (!parts.Requests.IsEmpty)
            {
                await grains.GetGrain<IPortalDispatchGrain>(portalId).EnqueueAsync(parts.Requests);
            }

            foreach (var originate in parts.OriginatesDueAt(time.GetUtcNow()))
            {
                delivery = await grains.GetGrain<IPbxLinkGrain>(portalId).SendAsync(ClickRequests.Originate(originate, replyTo));
            }
        }
        catch (Exception ex)
        {
            LogOutboxFailed(logger, clickKey, outbox.Length, ex);
            return (false, null);
        }

        return (true, delivery);
    }
}
