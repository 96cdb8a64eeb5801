using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Drives a CRM-routed call (scenario 3) for the call grain: the lookup's answers, the portal's directory and presence
/// for the manager, the wait on the stored deadline (the lookup's, then the manager's answer), and the fallback to the
/// line's queue. The decisions are <see cref="CrmRoutingDecisions"/>'; this class gathers their inputs and returns the
/// transitions the grain commits. Null from a method: the CRM route has nothing to do.
/// </summary>
/// <param name="logger">The call grain's logger: these lines are the call's.</param>
public sealed partial class CrmRouteDriver(
    IGrainFactory grains, CallPresence presence, TimeProvider time, CrmRoutingOptions options, ILogger logger, string callKey)
{
    private string PortalId => CallKey.Parse(callKey).PortalId;

    /// <summary>A new inbound call asks Bitrix24 who is responsible for the caller, if the portal routes by the CRM.</summary>
    public CallTransition? Begin(CallState state, CallStarted started, CallStartContext start, CrmRoutingSettings settings)
    {
        var transition = CrmRoutingDecisions.Begin(state, started, start, settings, time.GetUtcNow() + options.LookupTimeout);
        if (transition is not null)
        {
            LogCrmLookingUp(logger, callKey, PhoneNumberMask.Mask(start.CustomerNumber));
        }

        return transition;
    }

    /// <summary>Bitrix24 answered a lookup: look further, ring the manager, or fall back. Null for an answer no longer awaited.</summary>
    public async Task<CallTransition?> OnLookupResultAsync(CallState state, DispatchResult result)
    {
        var step = CallCommands.EffectIdOf(callKey, result.RequestId) is { } effectId
            ? CrmRoutingDecisions.OnLookupResult(state, effectId, result)
            : null;
        if (step is null)
        {
            LogCrmLookupStale(logger, callKey, result.Request.Method);
            return null;
        }

        if (result.Error is { } error)
        {
            LogCrmLookupFailed(logger, callKey, result.Request.Method, error.Code, error.Description);
        }

        return await ContinueAsync(state, step);
    }

    /// <summary>The stored deadline came. Null when it is not due yet (a timer can fire a hair early, a reminder whenever it likes).</summary>
    public async Task<CallTransition?> OnDeadlineAsync(CallState state) =>
        CrmRoutingDecisions.OnDeadline(state, time.GetUtcNow()) is { } step ? await ContinueAsync(state, step) : null;

    /// <summary>The manager whose phone rings went busy or offline: to the queue.</summary>
    public async Task<CallTransition?> OnOperatorUnavailableAsync(CallState state, long userId) =>
        CrmRoutingDecisions.OnOperatorUnavailable(state, userId) is { } reason ? await FallBackAsync(state, reason, null) : null;

    /// <summary>The PBX answered the transfer to the manager: a refusal sends the call to the queue.</summary>
    public async Task<CallTransition?> OnTransferAcknowledgedAsync(CallState state, string effectId, PbxCommandAck ack) =>
        CrmRoutingDecisions.OnTransferAcknowledged(state, effectId, ack) is { } reason ? await FallBackAsync(state, reason, ack.Reason) : null;

    private async Task<CallTransition> ContinueAsync(CallState state, CrmNextStep step) =>
        step.Transition ?? (step.RouteTo is { } owner
            ? await RingManagerAsync(state, owner)
            : await FallBackAsync(state, step.FallBack!.Value, null));

    /// <summary>
    /// The manager is reserved in presence exactly like a queue member — atomically, so a manager two calls want gets
    /// one — and held until their answer time (plus presence's grace) unless the call lets them go earlier.
    /// </summary>
    private async Task<CallTransition> RingManagerAsync(CallState state, CrmOwner owner)
    {
        var directory = await grains.GetGrain<IPortalCrmRoutingGrain>(PortalId).FindManagerAsync(owner.UserId, owner.Reported?.UserPhoneInner);
        if (CrmOwners.WhyNot(owner, directory) is { } reason)
        {
            return await FallBackAsync(state, reason, $"user {owner.UserId}");
        }

        var manager = new QueueMember(owner.UserId, directory.Extension!);
        var now = time.GetUtcNow();
        var outcome = await presence.OfferAsync(new OperatorOffer(callKey, [new OfferGroup([manager])], now + state.Crm!.Settings.ManagerAnswerTime));
        if (outcome.Members.IsEmpty)
        {
            return await FallBackAsync(state, CrmFallbackReason.ManagerBusy, $"user {owner.UserId}");
        }

        var transition = CrmRoutingDecisions.RingManager(state, owner, manager, now, options.TransferAcknowledgeTimeout);
        LogCrmRingingManager(logger, callKey, owner.EntityType, owner.EntityId, owner.UserId, manager.Extension);
        return transition;
    }

    private async Task<CallTransition> FallBackAsync(CallState state, CrmFallbackReason reason, string? detail)
    {
        var now = time.GetUtcNow();
        var lineQueue = await grains.GetGrain<IPortalQueuesGrain>(PortalId).GetQueueForLineAsync(state.LineNumber);
        var queue = CrmRoutingDecisions.QueueAfter(state, lineQueue);
        var plan = queue is null ? null : QueueDecisions.PlanFirst(queue, now);
        var outcome = plan is null ? null : await presence.OfferAsync(plan.ToOffer(callKey));
        var transition = CrmRoutingDecisions.FallBack(state, reason, queue, plan, outcome);
        if (reason is CrmFallbackReason.LookupFailed or CrmFallbackReason.LookupTimedOut or CrmFallbackReason.TransferRefused or CrmFallbackReason.TransferUnacknowledged)
        {
            LogCrmFailedOver(logger, callKey, reason, detail ?? "", queue?.Name ?? "none");
        }
        else
        {
            LogCrmFellBack(logger, callKey, reason, detail ?? "", queue?.Name ?? "none");
        }

        return transition;
    }
}
