using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The call grain's CRM side (scenario 3): the lookup's answers, the portal's directory and presence for the manager,
/// the timer on the stored deadline (the lookup's, then the manager's answer), and the fallback to the line's queue.
/// Decisions are <see cref="CrmRoutingDecisions"/>; this part only gathers their inputs and commits their results.
/// </summary>
public sealed partial class CallGrain
{
    private const string CrmWakeReminder = "crm-wake";

    private IGrainTimer? _crmWait;
    private DateTimeOffset? _crmWaitDue;
    private bool _crmReminder;

    private CallTransition? BeginCrmRoute(CallStarted started, CallStartContext start, CrmRoutingSettings settings)
    {
        var transition = CrmRoutingDecisions.Begin(state.State, started, start, settings, time.GetUtcNow() + crmOptions.Value.LookupTimeout);
        if (transition is not null)
        {
            LogCrmLookingUp(logger, Key, PhoneNumberMask.Mask(start.CustomerNumber));
        }

        return transition;
    }

    private async Task<CallTransition> ApplyWhileLookingUpAsync(CallEvent evt)
    {
        var user = evt switch
        {
            CallAnswered answered => await UserOfAsync(answered.Extension),
            CallTransferred transferred => await UserOfAsync(transferred.ToExtension),
            _ => null,
        };
        var transition = CrmRoutingDecisions.OnEventWhileLookingUp(state.State, evt, user, time.GetUtcNow());
        if (transition.Changed && !CrmRoutingDecisions.IsLookingUp(transition.State))
        {
            LogCrmLookupOvertaken(logger, Key, evt.GetType().Name);
        }

        return transition;
    }

    private async Task OnCrmLookupResultAsync(DispatchResult result)
    {
        var step = CallCommands.EffectIdOf(Key, result.RequestId) is { } effectId
            ? CrmRoutingDecisions.OnLookupResult(state.State, effectId, result)
            : null;
        if (step is null)
        {
            LogCrmLookupStale(logger, Key, result.Request.Method);
            return;
        }

        if (result.Error is { } error)
        {
            LogCrmLookupFailed(logger, Key, result.Request.Method, error.Code, error.Description);
        }

        await ContinueCrmRouteAsync(step);
    }

    private async Task ContinueCrmRouteAsync(CrmNextStep step)
    {
        if (step.Transition is { } transition)
        {
            await CommitAsync(transition.State, transition.Effects);
        }
        else if (step.RouteTo is { } owner)
        {
            await RouteToManagerAsync(owner);
        }
        else if (step.FallBack is { } reason)
        {
            await CrmFallBackAsync(reason, null);
        }
    }

    /// <summary>
    /// The manager is reserved in presence exactly like a queue member — atomically, so a manager two calls want gets
    /// one — and held until their answer time (plus presence's grace) unless the call lets them go earlier.
    /// </summary>
    private async Task RouteToManagerAsync(CrmOwner owner)
    {
        var directory = await GrainFactory.GetGrain<IPortalCrmRoutingGrain>(PortalId).FindManagerAsync(owner.UserId, owner.Reported?.UserPhoneInner);
        if (CrmOwners.WhyNot(owner, directory) is { } reason)
        {
            await CrmFallBackAsync(reason, $"user {owner.UserId}");
            return;
        }

        var manager = new QueueMember(owner.UserId, directory.Extension!);
        var now = time.GetUtcNow();
        var outcome = await Presence.OfferAsync(new OperatorOffer(Key, [new OfferGroup([manager])], now + state.State.Crm!.Settings.ManagerAnswerTime));
        _toldNobody = outcome.Members.IsEmpty;
        _toldTalking = null;
        if (outcome.Members.IsEmpty)
        {
            await CrmFallBackAsync(CrmFallbackReason.ManagerBusy, $"user {owner.UserId}");
            return;
        }

        var transition = CrmRoutingDecisions.RingManager(state.State, owner, manager, now, crmOptions.Value.TransferAcknowledgeTimeout);
        LogCrmRingingManager(logger, Key, owner.EntityType, owner.EntityId, owner.UserId, manager.Extension);
        await CommitAsync(transition.State, transition.Effects);
    }

    private async Task CrmFallBackAsync(CrmFallbackReason reason, string? detail)
    {
        var now = time.GetUtcNow();
        var lineQueue = await GrainFactory.GetGrain<IPortalQueuesGrain>(PortalId).GetQueueForLineAsync(state.State.LineNumber);
        var queue = CrmRoutingDecisions.QueueAfter(state.State, lineQueue);
        var plan = queue is null ? null : QueueDecisions.PlanFirst(queue, now);
        var outcome = plan is null ? null : await OfferAsync(plan);
        var transition = CrmRoutingDecisions.FallBack(state.State, reason, queue, plan, outcome);
        if (reason is CrmFallbackReason.LookupFailed or CrmFallbackReason.LookupTimedOut or CrmFallbackReason.TransferRefused or CrmFallbackReason.TransferUnacknowledged)
        {
            LogCrmFailedOver(logger, Key, reason, detail ?? "", queue?.Name ?? "none");
        }
        else
        {
            LogCrmFellBack(logger, Key, reason, detail ?? "", queue?.Name ?? "none");
        }

        await CommitAsync(transition.State, transition.Effects);
    }

    /// <summary>
    /// After every change: a timer follows the stored deadline (re-armed after a reactivation; one already past fires at
    /// once), and while the manager's phone rings a reminder stands by in case the silo dies, as for a queued call.
    /// </summary>
    private async Task SyncCrmRouteAsync()
    {
        if (state.State.Crm is not { Deadline: { } deadline } route)
        {
            _crmWait?.Dispose();
            _crmWait = null;
            _crmWaitDue = null;
            if (_crmReminder)
            {
                await UnregisterAsync(CrmWakeReminder);
                _crmReminder = false;
            }

            return;
        }

        if (_crmWaitDue != deadline)
        {
            _crmWait?.Dispose();
            var due = deadline - time.GetUtcNow();
            _crmWait = this.RegisterGrainTimer(CrmWaitOverAsync,
                new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
            _crmWaitDue = deadline;
        }

        if (route.Stage == CrmRouteStage.RingingManager && !_crmReminder)
        {
            var period = queueOptions.Value.WakeReminderPeriod;
            await this.RegisterOrUpdateReminder(CrmWakeReminder, period, period);
            _crmReminder = true;
        }
    }

    private async Task CrmWaitOverAsync()
    {
        if (CrmRoutingDecisions.OnDeadline(state.State, time.GetUtcNow()) is { } step)
        {
            await ContinueCrmRouteAsync(step);
            return;
        }

        // Not due yet (a timer can fire a hair early, a reminder whenever it likes): arm again for what is left.
        _crmWaitDue = null;
        await SyncCrmRouteAsync();
    }

    private async Task CrmWakeAsync()
    {
        _crmReminder = true; // it exists, whatever this activation remembered
        await CrmWaitOverAsync();
    }
}
