using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Takes a PBX event to its decision for the call grain: looks up what the decision needs in the portal, decides
/// (<see cref="CallEventDecisions"/>), and lets the queue and the CRM route follow. A new call starts with the portal's
/// context (no app, no call), then the first way that takes it — the click it answers (scenario 4), the caller's CRM
/// manager (scenario 3), the line's queue (scenario 2) — else <see cref="CallDecisions.OnStarted"/>.
/// </summary>
/// <param name="hubMaxRecordingWait">The hub's ceiling on the wait for a recording (<c>Recordings:MaxRecordingWait</c>).</param>
/// <param name="logger">The call grain's logger: these lines are the call's.</param>
public sealed partial class CallEventDriver(
    IGrainFactory grains, CallRoutes routes, TimeProvider time, TimeSpan hubMaxRecordingWait, ILogger logger, string callKey)
{
    private IPortalGrain Portal => grains.GetGrain<IPortalGrain>(CallKey.Parse(callKey).PortalId);

    /// <summary>The transition <paramref name="evt"/> makes; not applied when it does not fit the call (see its outcome).</summary>
    public async Task<CallTransition> DecideAsync(CallState state, CallEvent evt)
    {
        var transition = evt is CallStarted started ? await StartAsync(state, started) : await OnEventAsync(state, evt);
        return CallEventDecisions.Follow(state, evt, transition);
    }

    private async Task<CallTransition> StartAsync(CallState state, CallStarted started)
    {
        var context = await Portal.GetCallContextAsync(started.Extension);
        if (!context.Installed)
        {
            return CallTransition.Rejected(state, EventRejection.FailedPrecondition,
                "The portal has not installed the app (or removed it); calls cannot be recorded in Bitrix24.");
        }

        var start = CallStartContext.For(context, started, CallKey.Parse(callKey).PbxCallId, hubMaxRecordingWait);
        if (await ClickOfAsync(state, started) is { } link)
        {
            return LinkedCallDecisions.OnStarted(state, started, start, link);
        }

        return routes.Crm.Begin(state, started, start, context.CrmRouting)
            ?? await routes.Queue.EnterAsync(state, started, start)
            ?? CallDecisions.OnStarted(state, started, start);
    }

    /// <summary>The Bitrix24 call of the click this outbound call answers (scenario 4), if it is one and the click still waits.</summary>
    private async Task<ClickToCallLink?> ClickOfAsync(CallState state, CallStarted started) =>
        state.Phase == CallPhase.None && started.Direction == CallDirection.Outbound
            && ClickKey.TryParseOriginateRequestId(started.OriginateRequestId, out var clickId)
            ? await grains.GetGrain<IClickToCallGrain>(ClickKey.For(CallKey.Parse(callKey).PortalId, clickId)).LinkAsync(callKey)
            : null;

    private async Task<CallTransition> OnEventAsync(CallState state, CallEvent evt)
    {
        var extensions = CallEventDecisions.ExtensionsOf(state, evt);
        var users = extensions.IsEmpty ? ImmutableDictionary<string, long>.Empty : await Portal.FindUsersAsync(extensions);
        var transition = CallEventDecisions.OnEvent(state, evt, users, time.GetUtcNow());
        if (CallEventDecisions.OvertakesLookup(state, transition))
        {
            LogCrmLookupOvertaken(logger, callKey, evt.GetType().Name);
        }

        return transition;
    }
}
