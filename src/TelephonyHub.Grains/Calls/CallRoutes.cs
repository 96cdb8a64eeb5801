using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Grains.CrmRouting;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The ways a call reaches somebody other than its extension's owner — the line's queue (scenario 2,
/// <see cref="QueueRouteDriver"/>) and the caller's CRM manager (scenario 3, <see cref="CrmRouteDriver"/>) — with the
/// presence both reserve operators in. A CRM-routed call falls back to the queue, so the CRM route is asked first.
/// Null from a method: no route has anything to do.
/// </summary>
public sealed partial class CallRoutes
{
    private readonly ILogger _logger;
    private readonly string _callKey;

    /// <param name="logger">The call grain's logger: these lines are the call's.</param>
    public CallRoutes(IGrainFactory grains, TimeProvider time, CrmRoutingOptions crmOptions, ILogger logger, string callKey)
    {
        _logger = logger;
        _callKey = callKey;
        Presence = new CallPresence(grains.GetGrain<IPresenceGrain>(CallKey.Parse(callKey).PortalId), callKey);
        Queue = new QueueRouteDriver(grains, Presence, time, logger, callKey);
        Crm = new CrmRouteDriver(grains, Presence, time, crmOptions, logger, callKey);
    }

    public CallPresence Presence { get; }

    public QueueRouteDriver Queue { get; }

    public CrmRouteDriver Crm { get; }

    /// <summary>An operator the call holds or was offered to went busy or offline (presence tells the call).</summary>
    public async Task<CallTransition?> OnOperatorUnavailableAsync(CallState state, long userId) =>
        await Crm.OnOperatorUnavailableAsync(state, userId) ?? await Queue.OnOperatorUnavailableAsync(state, userId);

    /// <summary>The PBX answered one of the call's commands (a queue's ring, the transfer to a manager); refusals and expiries are logged.</summary>
    public async Task<CallTransition?> OnCommandAcknowledgedAsync(CallState state, PbxCommandAck ack)
    {
        if (ack.Status == PbxCommandAckStatus.Rejected)
        {
            LogCommandRefused(_logger, _callKey, ack.RequestId, ack.Reason);
        }
        else if (ack.Status == PbxCommandAckStatus.Expired)
        {
            // A ring nobody acknowledged expires with its step; the step's own deadline moves the queue on.
            LogCommandExpired(_logger, _callKey, ack.RequestId);
        }

        return CallCommands.EffectIdOf(_callKey, ack.RequestId) is { } effectId
            ? await Crm.OnTransferAcknowledgedAsync(state, effectId, ack) ?? await Queue.OnRingAcknowledgedAsync(state, effectId, ack)
            : null;
    }
}
