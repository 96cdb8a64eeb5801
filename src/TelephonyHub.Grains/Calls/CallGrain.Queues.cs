using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The call grain's queue side (scenario 2): entering the line's queue, the step timer with its stored deadline, the
/// presence grain that hands out operators, and the PBX's answers to ring commands. Decisions are
/// <see cref="QueueDecisions"/>; this part only gathers their inputs and commits their results.
/// </summary>
public sealed partial class CallGrain : IQueuedCallGrain, IPbxCommandAckReceiver
{
    private const string QueueWakeReminder = "queue-wake";

    private IGrainTimer? _queueStep;
    private DateTimeOffset? _queueStepDue;
    private bool _queueReminder;

    // What the presence grain was last told about this call's operators (unknown after an activation).
    private long? _toldTalking;
    private bool _toldNobody;

    private IPresenceGrain Presence => GrainFactory.GetGrain<IPresenceGrain>(PortalId);

    async Task IQueuedCallGrain.OnOperatorUnavailableAsync(long userId)
    {
        if (CrmRoutingDecisions.OnOperatorUnavailable(state.State, userId) is { } reason)
        {
            await CrmFallBackAsync(reason, null);
        }
        else if (QueueDecisions.PlanWithout(state.State, [userId], QueueAdvance.OperatorUnavailable, time.GetUtcNow()) is { } plan)
        {
            await AdvanceQueueAsync(plan);
        }
    }

    async Task IPbxCommandAckReceiver.OnPbxCommandAckAsync(PbxCommandAck ack)
    {
        if (ack.Status == PbxCommandAckStatus.Rejected)
        {
            LogCommandRefused(logger, Key, ack.RequestId, ack.Reason);
        }
        else if (ack.Status == PbxCommandAckStatus.Expired)
        {
            // A ring nobody acknowledged expires with its step; the step's own deadline moves the queue on.
            LogCommandExpired(logger, Key, ack.RequestId);
        }

        if (CallCommands.EffectIdOf(Key, ack.RequestId) is not { } effectId)
        {
            return;
        }

        if (CrmRoutingDecisions.OnTransferAcknowledged(state.State, effectId, ack) is { } reason)
        {
            await CrmFallBackAsync(reason, ack.Reason);
        }
        else if (QueueDecisions.OnRingAcknowledged(state.State, effectId, ack, time.GetUtcNow()) is { } plan)
        {
            await AdvanceQueueAsync(plan);
        }
    }

    /// <summary>
    /// An inbound call that names no extension goes to its line's queue, if the portal has one. The first offer is
    /// made before the call is registered, so it is registered to the first operator offered, with the card
    /// (reference §5.2: register for the first, show for the others); nobody free: to the fallback user without a
    /// card, and the queue's overflow rule right away. Null when the call does not go to a queue.
    /// </summary>
    private async Task<CallTransition?> EnterQueueAsync(CallStarted started, CallStartContext start)
    {
        if (state.State.Phase != CallPhase.None || started.Direction != CallDirection.Inbound || !string.IsNullOrEmpty(started.Extension))
        {
            return null; // a second CallStarted must not touch the operators the call holds: OnStarted refuses it
        }

        var queue = await GrainFactory.GetGrain<IPortalQueuesGrain>(PortalId).GetQueueForLineAsync(started.LineNumber);
        if (queue is null)
        {
            return null;
        }

        var plan = QueueDecisions.PlanFirst(queue, time.GetUtcNow());
        var outcome = await OfferAsync(plan);
        var registered = CallDecisions.OnStarted(state.State, started, start with { ExtensionUserId = outcome.Members.FirstOrDefault()?.UserId });
        if (!registered.Changed)
        {
            return registered;
        }

        var offered = QueueDecisions.Offered(QueueDecisions.Enter(registered.State, queue, start.ExternalCallId), plan, outcome);
        LogEnteredQueue(logger, Key, queue.Name, queue.Mode, outcome.Members.Length);
        return offered with { Effects = registered.Effects.AddRange(offered.Effects) };
    }

    private async Task AdvanceQueueAsync(QueuePlan plan)
    {
        var outcome = await OfferAsync(plan);
        var transition = QueueDecisions.Offered(state.State, plan, outcome);
        var queue = transition.State.Queue!;
        if (queue.Stage == QueueStage.Offering)
        {
            LogQueueStep(logger, Key, plan.Cause, queue.Step, queue.Round, string.Join(",", queue.Offered.Select(m => m.UserId)));
        }
        else
        {
            LogQueueOver(logger, Key, queue.Queue.Name, queue.Stage, plan.Cause);
        }

        await CommitAsync(transition.State, transition.Effects);
    }

    private async Task<OfferOutcome> OfferAsync(QueuePlan plan)
    {
        // Also with no slots left: the offer then releases whoever the call held.
        var outcome = await Presence.OfferAsync(plan.ToOffer(Key));
        _toldNobody = outcome.Members.IsEmpty;
        _toldTalking = null;
        return outcome;
    }

    private async Task QueueStepDueAsync()
    {
        if (QueueDecisions.PlanOnTimeout(state.State, time.GetUtcNow()) is { } plan)
        {
            await AdvanceQueueAsync(plan);
            return;
        }

        // Not due yet: a timer can fire a hair before its due time (and the reminder ticks whenever it likes). Arm the
        // timer again for what is left of the step, or the step would only end at the next reminder tick.
        _queueStepDue = null;
        await SyncQueueAsync();
    }

    /// <summary>
    /// After every change: the step timer follows the stored deadline (re-armed after a reactivation; a deadline
    /// already past fires at once, so the queue moves on), a reminder stands by while the call is offering, and
    /// presence learns whom the call holds once it stops offering: the operator who answered, or nobody.
    /// </summary>
    private async Task SyncQueueAsync()
    {
        var current = state.State;
        if (QueueDecisions.IsOffering(current) && current.Queue!.Deadline is { } deadline)
        {
            if (_queueStepDue != deadline)
            {
                _queueStep?.Dispose();
                var due = deadline - time.GetUtcNow();
                _queueStep = this.RegisterGrainTimer(QueueStepDueAsync,
                    new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
                _queueStepDue = deadline;
            }

            if (!_queueReminder)
            {
                var period = queueOptions.Value.WakeReminderPeriod;
                await this.RegisterOrUpdateReminder(QueueWakeReminder, period, period);
                _queueReminder = true;
            }

            return; // presence was told by the offer itself
        }

        _queueStep?.Dispose();
        _queueStep = null;
        _queueStepDue = null;
        if (_queueReminder)
        {
            await UnregisterAsync(QueueWakeReminder);
            _queueReminder = false;
        }

        if (CrmRoutingDecisions.IsRingingManager(current))
        {
            return; // presence was told by the manager's offer
        }

        await SyncPresenceAsync(current);
    }

    /// <summary>An answered call holds its operator (busy for queues) until it ends; any other call holds nobody (a manager it rang included).</summary>
    private async Task SyncPresenceAsync(CallState current)
    {
        if (current is { Phase: CallPhase.Answered, HandlingUserId: { } talking })
        {
            if (_toldTalking != talking)
            {
                await Presence.EngageAsync(Key, talking);
                _toldTalking = talking;
                _toldNobody = false;
            }
        }
        else if (!_toldNobody && (current.Queue is not null || current.HandlingUserId is not null || current.Crm?.Manager is not null))
        {
            await Presence.ReleaseAsync(Key);
            _toldNobody = true;
            _toldTalking = null;
        }
    }

    private async Task QueueWakeAsync()
    {
        _queueReminder = true; // it exists, whatever this activation remembered
        await QueueStepDueAsync();
        await SyncQueueAsync(); // re-arms the step timer, or drops the reminder of a call no longer offering
    }

    private async Task SendCommandsAsync(IEnumerable<PbxCommandEffect> commands)
    {
        var now = time.GetUtcNow();
        foreach (var command in commands)
        {
            if (command.ExpiresAt <= now)
            {
                LogCommandObsolete(logger, Key, command.EffectId);
                continue;
            }

            var delivery = await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).SendAsync(CallCommands.For(Key, command, this.GetGrainId(), now));
            if (delivery != PbxDelivery.Delivered)
            {
                LogCommandWaiting(logger, Key, command.EffectId, delivery);
            }
        }
    }
}
