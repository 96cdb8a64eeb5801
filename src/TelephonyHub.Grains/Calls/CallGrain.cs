using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Calls;

/// <inheritdoc cref="ICallGrain"/>
/// <remarks>
/// Load, decide (<see cref="CallEventDriver"/>), store the new state with its effects (the outbox), then perform them
/// (<see cref="CallOutboxHandOver"/>). A crash after storing replays the outbox on the next activation; effect ids make
/// the replay harmless. Queued and CRM-routed calls go their ways in <see cref="CallRoutes"/>; timers and reminders
/// follow the deadlines stored in the state (<see cref="CallWakeups"/>).
/// </remarks>
public sealed partial class CallGrain(
    [PersistentState(PerCallStates.Call, StorageNames.Default)] IPersistentState<CallState> state,
    TimeProvider time,
    IOptions<RecordingOptions> recordings,
    IOptions<ReminderOptions> reminders,
    CallMetrics metrics,
    IOptions<CallQueueOptions> queueOptions,
    IOptions<CrmRoutingOptions> crmOptions,
    ILogger<CallGrain> logger) : Grain, ICallGrain, IQueuedCallGrain, IPbxCommandAckReceiver, IBitrix24ResultReceiver, IRemindable
{
    private CallRoutes? _routes;
    private CallEventDriver? _events;
    private CallOutboxHandOver? _outbox;
    private CallWakeups? _wakeups;
    private bool _unsaved; // the state in memory is ahead of storage

    private string Key => this.GetPrimaryKeyString();

    private CallRoutes Routes => _routes ??= new(GrainFactory, time, crmOptions.Value, logger, Key);

    private CallEventDriver Events => _events ??= new(GrainFactory, Routes, time, recordings.Value.MaxRecordingWait, logger, Key);

    private CallOutboxHandOver Outbox => _outbox ??= new(GrainFactory, time, logger, Key, this.GetGrainId());

    private CallWakeups Wakeups => _wakeups ??= new(this, time, reminders.Value.MinimumReminderPeriod, queueOptions.Value.WakeReminderPeriod,
        RecordingWaitExpiredAsync, QueueStepDueAsync, CrmWaitOverAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await SyncAsync();
        await PerformOutboxAsync();
    }

    async Task<EventOutcome> ICallGrain.ApplyAsync(CallEvent evt)
    {
        if (CallEventLedger.HasApplied(state.State, evt.EventId))
        {
            // A resend after a failure: finish what the first delivery left undone.
            if (_unsaved)
            {
                await WriteStateAsync();
            }

            await PerformOutboxAsync();
            return EventOutcome.Duplicate;
        }

        var transition = await Events.DecideAsync(state.State, evt);
        if (!transition.Changed)
        {
            LogNotApplied(logger, Key, evt.GetType().Name, evt.EventId, transition.Outcome.Verdict, transition.Outcome.Message);
            return transition.Outcome;
        }

        await CommitAsync(transition with { State = CallEventLedger.Record(transition.State, evt.EventId) });
        LogApplied(logger, Key, evt.GetType().Name, evt.EventId, state.State.Phase);
        return transition.Outcome;
    }

    Task<string?> ICallGrain.GetBitrix24CallIdAsync() => Task.FromResult(state.State.Bitrix24CallId);

    async Task IQueuedCallGrain.OnOperatorUnavailableAsync(long userId) => await CommitAsync(await Routes.OnOperatorUnavailableAsync(state.State, userId));

    async Task IPbxCommandAckReceiver.OnPbxCommandAckAsync(PbxCommandAck ack) => await CommitAsync(await Routes.OnCommandAcknowledgedAsync(state.State, ack));

    async Task IBitrix24ResultReceiver.OnDispatchResultAsync(DispatchResult result)
    {
        if (CrmRoutingDecisions.IsLookup(result.Request))
        {
            await CommitAsync(await Routes.Crm.OnLookupResultAsync(state.State, result));
            return;
        }

        if (result.Error is { } error)
        {
            LogBitrix24Failed(logger, Key, result.Request.Method, error.Code, error.Description);
        }
        else if (CallAnswers.Registered(state.State, result) is { } registered)
        {
            // A call still in progress stores the CALL_ID with its next event (one grain write per call fewer), or
            // when it deactivates; only a call that is over stores it now.
            state.State = registered;
            _unsaved = true;
            if (registered.Phase == CallPhase.Finished)
            {
                await WriteStateAsync();
            }

            LogRegistered(logger, Key, registered.Bitrix24CallId!);
        }

        if (CallAnswers.IsLast(state.State, result))
        {
            // Free its memory now rather than after Orleans' idle collection age (minutes), or a busy hub holds every
            // call it finished in the last quarter hour. A late event reactivates it from storage.
            this.DeactivateOnIdle();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await WriteStateAsync();
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        await (Wakeups.Fired(reminderName) switch
        {
            CallWakeup.RecordingWait => RecordingWaitExpiredAsync(),
            CallWakeup.QueueStep => QueueStepDueAsync(),
            CallWakeup.CrmWait => CrmWaitOverAsync(),
            _ => PerformOutboxAsync(),
        });
        await SyncAsync(); // re-arms the timer a reminder stood in for, or drops the reminder of a wait that is over
    }

    private async Task RecordingWaitExpiredAsync()
    {
        var transition = CallDecisions.OnRecordingWaitExpired(state.State, time.GetUtcNow());
        if (transition.Changed)
        {
            LogRecordingWaitExpired(logger, Key, state.State.Policy?.RecordingMaxWait ?? TimeSpan.Zero);
            await CommitAsync(transition);
        }
    }

    private async Task QueueStepDueAsync() => await WaitOverAsync(await Routes.Queue.OnStepDueAsync(state.State), Wakeups.QueueStepEarly);

    private async Task CrmWaitOverAsync() => await WaitOverAsync(await Routes.Crm.OnDeadlineAsync(state.State), Wakeups.CrmWaitEarly);

    /// <summary>A wait's deadline came: commit what its route decided, or (not due yet: a timer can fire a hair early, a
    /// reminder ticks whenever it likes) arm its timer again for what is left.</summary>
    private async Task WaitOverAsync(CallTransition? transition, Action early)
    {
        if (transition is null)
        {
            early();
            await SyncAsync();
            return;
        }

        await CommitAsync(transition);
    }

    private async Task CommitAsync(CallTransition? transition)
    {
        if (transition is not { State: var next })
        {
            return;
        }

        var from = state.State.Phase;
        state.State = next with { Outbox = next.Outbox.AddRange(transition.Effects) };
        _unsaved = true;
        if (next.Phase == CallPhase.Finished && await Outbox.HandOverAsync(state.State))
        {
            // The call is over: hand its last requests over first, then store it once, outbox already empty. A crash
            // in between repeats the transition (the PBX resends an unacknowledged event; an expired wait fires
            // again) with the same effect ids, which the dispatch has seen: nothing is sent twice, and one grain
            // write per call is saved (storing the outbox, then storing it emptied).
            state.State = state.State with { Outbox = [] };
        }

        await WriteStateAsync();
        metrics.Moved(from, next.Phase);
        if (from != CallPhase.Finished && next is { Phase: CallPhase.Finished, Ending: { } ending })
        {
            GrainFactory.GetGrain<IRecentCallsGrain>(CallKey.Parse(Key).PortalId).RecordAsync(CallSummary.Of(CallKey.Parse(Key).PbxCallId, next, ending)).Ignore();
        }

        await SyncAsync();
        await PerformOutboxAsync();
    }

    private async Task PerformOutboxAsync()
    {
        if (state.State.Outbox.IsEmpty)
        {
            return;
        }

        if (!await Outbox.HandOverAsync(state.State))
        {
            await Wakeups.RetryOutboxAsync();
            return;
        }

        state.State = state.State with { Outbox = [] };
        if (state.State.Phase == CallPhase.Finished)
        {
            // No later event will store the empty outbox: store it now, or a reactivation would replay the finish.
            await WriteStateAsync();
        }

        await Wakeups.OutboxHandedOverAsync();
    }

    /// <summary>After every change: timers and reminders follow the stored deadlines, presence learns whom the call holds.</summary>
    private async Task SyncAsync()
    {
        await Wakeups.SyncAsync(state.State);
        await Routes.Presence.SyncAsync(state.State);
    }

    private async Task WriteStateAsync()
    {
        await state.WriteStateAsync();
        _unsaved = false;
    }
}
