using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Calls;

/// <inheritdoc cref="ICallGrain"/>
/// <remarks>
/// Load, decide (<see cref="CallDecisions"/>), store the new state with its effects (the outbox), then perform them.
/// A crash after storing replays the outbox on the next activation; effect ids make the replay harmless.
/// </remarks>
public sealed partial class CallGrain(
    [PersistentState("call", StorageNames.Default)] IPersistentState<CallState> state,
    TimeProvider time,
    IOptions<RecordingOptions> recordings,
    IOptions<ReminderOptions> reminders,
    CallMetrics metrics,
    IOptions<CallQueueOptions> queueOptions,
    IOptions<CrmRoutingOptions> crmOptions,
    ILogger<CallGrain> logger) : Grain, ICallGrain, IBitrix24ResultReceiver, IRemindable
{
    private const string OutboxReminder = "call-outbox";
    private const string RecordingWaitReminder = "recording-wait";

    private IGrainTimer? _recordingWait;
    private bool _unsaved; // the state in memory is ahead of storage
    private bool _recordingReminder;
    private bool _outboxReminder;

    private string Key => this.GetPrimaryKeyString();

    /// <summary>Orleans' floor for reminder periods (1 minute unless configured lower, as tests do).</summary>
    private TimeSpan MinimumReminderPeriod => reminders.Value.MinimumReminderPeriod;

    private string PortalId => CallKey.Parse(Key).PortalId;

    private IPortalGrain Portal => GrainFactory.GetGrain<IPortalGrain>(PortalId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await SyncRecordingWaitAsync();
        await SyncQueueAsync();
        await SyncCrmRouteAsync();
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

        var transition = evt switch
        {
            CallStarted started => await StartAsync(started),
            _ when CrmRoutingDecisions.IsLookingUp(state.State) => await ApplyWhileLookingUpAsync(evt),
            CallRinging ringing => QueueDecisions.OnRinging(state.State) ?? CallDecisions.OnRinging(state.State, ringing, await UsersOfAsync(ringing.Extensions)),
            CallAnswered answered => CallDecisions.OnAnswered(state.State, answered, await UserOfAsync(answered.Extension)),
            CallTransferred transferred => CallDecisions.OnTransferred(state.State, transferred, await UserOfAsync(transferred.ToExtension)),
            CallEnded ended => CallDecisions.OnEnded(state.State, ended, time.GetUtcNow()),
            RecordingReady recording => CallDecisions.OnRecordingReady(state.State, recording),
            _ => CallTransition.Rejected(state.State, EventRejection.InvalidArgument, $"Unknown event {evt.GetType().Name}."),
        };
        transition = QueueDecisions.Follow(state.State, evt, transition);
        transition = CrmRoutingDecisions.Follow(state.State, evt, transition);

        if (!transition.Changed)
        {
            LogNotApplied(logger, Key, evt.GetType().Name, evt.EventId, transition.Outcome.Verdict, transition.Outcome.Message);
            return transition.Outcome;
        }

        await CommitAsync(CallEventLedger.Record(transition.State, evt.EventId), transition.Effects);
        LogApplied(logger, Key, evt.GetType().Name, evt.EventId, state.State.Phase);
        return transition.Outcome;
    }

    Task<string?> ICallGrain.GetBitrix24CallIdAsync() => Task.FromResult(state.State.Bitrix24CallId);

    async Task IBitrix24ResultReceiver.OnDispatchResultAsync(DispatchResult result)
    {
        if (CrmRoutingDecisions.IsLookup(result.Request))
        {
            await OnCrmLookupResultAsync(result);
            return;
        }

        if (result.Error is { } error)
        {
            LogBitrix24Failed(logger, Key, result.Request.Method, error.Code, error.Description);
            return;
        }

        if (result.Value is RegisterExternalCallResult registered && state.State.Bitrix24CallId is null)
        {
            // Kept for requests made after the dispatch forgot the lane (a recording hours later). Until then the
            // lane knows it: a call still in progress stores it with its next event (one grain write per call
            // fewer), or when it deactivates; only a call that is over stores it now.
            state.State = state.State with { Bitrix24CallId = registered.CallId };
            _unsaved = true;
            if (state.State.Phase == CallPhase.Finished)
            {
                await WriteStateAsync();
            }

            LogRegistered(logger, Key, registered.CallId);
        }

        if (state.State is { Phase: CallPhase.Finished, Outbox.IsEmpty: true } && IsLastRequest(result.Request))
        {
            // Nothing more will happen to this call: free its memory now rather than after Orleans' idle collection
            // age (minutes), or a busy hub holds every call it finished in the last quarter hour. A late event
            // reactivates it from storage.
            this.DeactivateOnIdle();
        }
    }

    /// <summary>The finish is the last request a finished call makes itself; a recording's attach is its recording grain's.</summary>
    private static bool IsLastRequest(Bitrix24Request request) => request is FinishExternalCall;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await WriteStateAsync();
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RecordingWaitReminder)
        {
            _recordingReminder = true;
            await RecordingWaitExpiredAsync();
            await SyncRecordingWaitAsync();
        }
        else if (reminderName == QueueWakeReminder)
        {
            await QueueWakeAsync();
        }
        else if (reminderName == CrmWakeReminder)
        {
            await CrmWakeAsync();
        }
        else
        {
            _outboxReminder = true;
            await PerformOutboxAsync();
        }
    }

    private async Task<CallTransition> StartAsync(CallStarted started)
    {
        var context = await Portal.GetCallContextAsync(started.Extension);
        if (!context.Installed)
        {
            return CallTransition.Rejected(state.State, EventRejection.FailedPrecondition,
                "The portal has not installed the app (or removed it); calls cannot be recorded in Bitrix24.");
        }

        var policy = new CallPolicy
        {
            AddToChat = context.AddToChat,
            // The portal's wait, within the hub's ceiling: a forgotten promise must not leave a record open for hours.
            RecordingMaxWait = context.RecordingMaxWait < recordings.Value.MaxRecordingWait ? context.RecordingMaxWait : recordings.Value.MaxRecordingWait,
            FallbackUserId = context.FallbackUserId,
            PortalFetchesRecordingUrls = context.PortalFetchesRecordingUrls,
            CreateLeads = context.CrmRouting.CreateLeads,
        };
        var customer = PhoneNumberNormalizer.Normalize(started.CustomerNumber, context.DefaultRegion);
        var externalCallId = CallKey.Parse(Key).PbxCallId;
        var start = new CallStartContext(externalCallId, customer, context.ExtensionUserId, policy);
        if (await ClickOfAsync(started) is { } link)
        {
            return LinkedCallDecisions.OnStarted(state.State, started, start, link);
        }

        return BeginCrmRoute(started, start, context.CrmRouting)
            ?? await EnterQueueAsync(started, start)
            ?? CallDecisions.OnStarted(state.State, started, start);
    }

    /// <summary>The Bitrix24 call of the click this outbound call answers (scenario 4), if it is one and the click still waits.</summary>
    private async Task<ClickToCallLink?> ClickOfAsync(CallStarted started) =>
        state.State.Phase == CallPhase.None && started.Direction == CallDirection.Outbound
            && ClickKey.TryParseOriginateRequestId(started.OriginateRequestId, out var clickId)
            ? await GrainFactory.GetGrain<IClickToCallGrain>(ClickKey.For(PortalId, clickId)).LinkAsync(Key)
            : null;

    private async Task<ImmutableArray<long>> UsersOfAsync(ImmutableArray<string> extensions)
    {
        var users = await Portal.FindUsersAsync(extensions);
        return [.. extensions.Where(users.ContainsKey).Select(e => users[e])];
    }

    private async Task<long?> UserOfAsync(string extension) =>
        (await Portal.FindUsersAsync([extension])).TryGetValue(extension, out var user) ? user : null;

    private async Task RecordingWaitExpiredAsync()
    {
        var transition = CallDecisions.OnRecordingWaitExpired(state.State, time.GetUtcNow());
        if (transition.Changed)
        {
            LogRecordingWaitExpired(logger, Key, state.State.Policy?.RecordingMaxWait ?? TimeSpan.Zero);
            await CommitAsync(transition.State, transition.Effects);
        }
    }

    private async Task CommitAsync(CallState next, ImmutableArray<CallEffect> effects)
    {
        var from = state.State.Phase;
        state.State = next with { Outbox = next.Outbox.AddRange(effects) };
        _unsaved = true;
        if (next.Phase == CallPhase.Finished && await HandOverOutboxAsync())
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
            GrainFactory.GetGrain<IRecentCallsGrain>(PortalId).RecordAsync(CallSummary.Of(CallKey.Parse(Key).PbxCallId, next, ending)).Ignore();
        }
        await SyncRecordingWaitAsync();
        await SyncQueueAsync();
        await SyncCrmRouteAsync();
        await PerformOutboxAsync();
    }

    private async Task PerformOutboxAsync()
    {
        if (state.State.Outbox.IsEmpty)
        {
            return;
        }

        if (!await HandOverOutboxAsync())
        {
            // Stored but not handed over: a reminder retries until the dispatch has it.
            if (!_outboxReminder)
            {
                await this.RegisterOrUpdateReminder(OutboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                _outboxReminder = true;
            }

            return;
        }

        state.State = state.State with { Outbox = [] };
        if (state.State.Phase == CallPhase.Finished)
        {
            // No later event will store the empty outbox: store it now, or a reactivation would replay the finish.
            await WriteStateAsync();
        }

        if (_outboxReminder)
        {
            await UnregisterAsync(OutboxReminder);
            _outboxReminder = false;
        }
    }

    /// <summary>
    /// Hands the outbox over: Bitrix24 requests to the portal's dispatch and PBX commands to the PBX link together
    /// (the card should pop up as the phone rings), then a recording's attach to its grain, which joins the call's
    /// lane behind the finish (reference §5.4). False (logged) when something could not be handed over.
    /// </summary>
    private async Task<bool> HandOverOutboxAsync()
    {
        var requests = state.State.Outbox.Where(e => e is not PbxCommandEffect)
            .Select(e => CallRequests.For(Key, state.State, e, this.GetGrainId())).OfType<DispatchRequest>().ToImmutableArray();
        var handOffs = state.State.Outbox.Select(e => RecordingHandOff.For(state.State, e)).OfType<RecordingAttachRequest>().ToList();
        try
        {
            await Task.WhenAll(
                requests.IsEmpty ? Task.CompletedTask : GrainFactory.GetGrain<IPortalDispatchGrain>(PortalId).EnqueueAsync(requests),
                SendCommandsAsync(state.State.Outbox.OfType<PbxCommandEffect>()));
            foreach (var handOff in handOffs)
            {
                await GrainFactory.GetGrain<IRecordingGrain>(Key).AttachAsync(handOff);
            }

            return true;
        }
        catch (Exception ex)
        {
            LogOutboxFailed(logger, Key, state.State.Outbox.Length, ex);
            return false;
        }
    }

    private async Task WriteStateAsync()
    {
        await state.WriteStateAsync();
        _unsaved = false;
    }

    /// <summary>
    /// While the call waits for its recording, a grain timer fires at the deadline and a reminder stands by in case
    /// the silo dies first (scenario 5: the wait must survive restarts). Both go once the wait is over.
    /// </summary>
    private async Task SyncRecordingWaitAsync()
    {
        _recordingWait?.Dispose();
        _recordingWait = null;
        if (state.State is not { Phase: CallPhase.Ended, RecordingDeadline: { } deadline })
        {
            if (_recordingReminder)
            {
                await UnregisterAsync(RecordingWaitReminder);
                _recordingReminder = false;
            }

            return;
        }

        var due = deadline - time.GetUtcNow();
        _recordingWait = this.RegisterGrainTimer(RecordingWaitExpiredAsync,
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        if (!_recordingReminder)
        {
            var reminderDue = due > MinimumReminderPeriod ? due : MinimumReminderPeriod;
            await this.RegisterOrUpdateReminder(RecordingWaitReminder, reminderDue, MinimumReminderPeriod);
            _recordingReminder = true;
        }
    }

    private async Task UnregisterAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
