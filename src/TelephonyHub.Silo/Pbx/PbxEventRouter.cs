using System.Diagnostics;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Silo.Telemetry;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Takes a PBX event of one portal to the grain that owns it: call events to the call (keyed by portal and PBX call
/// id, so a PBX can only reach its own portal's calls), extension states to the portal's presence.
/// Replays are dropped by the grains themselves, which remember the event ids they applied.
/// </summary>
public sealed partial class PbxEventRouter(IGrainFactory grains, HubMetrics metrics, ILogger<PbxEventRouter> logger)
{
    /// <param name="portalId">The portal the PBX authenticated for.</param>
    /// <param name="evt">The event as received.</param>
    /// <param name="ownTrace">
    /// True for events on a long-lived stream: each event starts its own trace (linked to the stream's), so one
    /// trace follows one PBX event to the Bitrix24 requests it causes. False under a unary call's own request trace.
    /// </param>
    /// <exception cref="InvalidPbxEventException">The event breaks the contract; nothing was applied.</exception>
    public async Task<EventOutcome> RouteAsync(string portalId, Proto.PbxEvent evt, bool ownTrace = false)
    {
        var stream = Activity.Current;
        if (ownTrace)
        {
            Activity.Current = null;
        }

        using var activity = HubActivitySource.Instance.StartActivity(
            $"pbx {evt.KindCase}", ActivityKind.Consumer, default(ActivityContext),
            links: ownTrace && stream is not null ? [new ActivityLink(stream.Context)] : null);
        activity?.SetTag("telephonyhub.portal", portalId);
        activity?.SetTag("pbx.event_id", evt.EventId);
        try
        {
            return await ApplyAsync(portalId, evt);
        }
        finally
        {
            if (ownTrace)
            {
                Activity.Current = stream;
            }
        }
    }

    private async Task<EventOutcome> ApplyAsync(string portalId, Proto.PbxEvent evt)
    {
        MappedPbxEvent mapped;
        try
        {
            mapped = PbxEventMapper.Map(evt);
        }
        catch (InvalidPbxEventException ex)
        {
            metrics.PbxEventReceived(evt.KindCase.ToString(), "invalid");
            LogInvalid(logger, portalId, ex.Message);
            throw;
        }

        var outcome = mapped switch
        {
            MappedCallEvent call => await grains.GetGrain<ICallGrain>(CallKey.For(portalId, call.PbxCallId)).ApplyAsync(call.Event),
            MappedExtensionEvent extension => await grains.GetGrain<IPresenceGrain>(portalId).ApplyAsync(extension.Change),
            _ => throw new InvalidOperationException($"Unrouted event {mapped.GetType().Name}."),
        };
        metrics.PbxEventReceived(evt.KindCase.ToString(), outcome.Verdict.ToString());
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed PBX event from portal {PortalId}: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string portalId, string problem);
}
