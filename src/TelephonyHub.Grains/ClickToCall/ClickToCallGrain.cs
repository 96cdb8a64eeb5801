using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.ClickToCall;

/// <inheritdoc cref="IClickToCallGrain"/>
/// <remarks>
/// Load, decide (<see cref="ClickToCallDecisions"/>), store the new state with its effects, perform them — the call
/// grain's pattern. The event handler's call returns as soon as the click is taken; the rest runs in a turn of its
/// own (<see cref="IClickToCallGrain.ProceedAsync"/>), so Bitrix24's delivery never waits on the PBX (reference §4.1).
/// </remarks>
public sealed partial class ClickToCallGrain(
    [PersistentState("click", StorageNames.Default)] IPersistentState<ClickToCallState> state,
    IOptions<ClickToCallOptions> options,
    TimeProvider time,
    ILogger<ClickToCallGrain> logger) : Grain, IClickToCallGrain, IPbxCommandAckReceiver, IBitrix24ResultReceiver, IRemindable
{
    private const string OutboxReminder = "click-outbox";

    private IGrainTimer? _deadline;
    private bool _outboxReminder;

    private string Key => this.GetPrimaryKeyString();

    private string PortalId => ClickKey.Parse(Key).PortalId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        SyncDeadline();
        await PerformOutboxAsync();
    }

    Task<ClickAcceptance> IClickToCallGrain.AcceptAsync(DialRequest request)
    {
        var transition = ClickToCallDecisions.OnRequest(state.State, request);
        if (!transition.Changed)
        {
            LogUnchanged(logger, Key, transition.Note);
            return Task.FromResult(ClickAcceptance.Duplicate);
        }

        // Held in memory only until the next turn stores it with its first effect: storing it here would make the
        // event wait on storage and buy nothing, since nothing would resume a click whose silo died in between.
        state.State = transition.State;
        this.AsReference<IClickToCallGrain>().ProceedAsync().Ignore();
        return Task.FromResult(ClickAcceptance.Accepted);
    }

    async Task IClickToCallGrain.ProceedAsync()
    {
        if (state.State is not { Phase: ClickPhase.Accepted, Request: { } request })
        {
            return;
        }

        try
        {
            var portal = await GrainFactory.GetGrain<IPortalGrain>(PortalId).GetDialContextAsync();
            var presence = request.Kind == DialKind.Callback
                ? (await GrainFactory.GetGrain<IPresenceGrain>(PortalId).GetAllAsync()).ToImmutableDictionary(p => p.Key, p => p.Value.State)
                : ImmutableDictionary<string, ExtensionState>.Empty;
            await ApplyAsync(ClickToCallDecisions.OnContext(state.State, portal, presence, time.GetUtcNow(), options.Value));
        }
        catch (Exception ex)
        {
            // Nobody waits on this one-way turn: without this line the failure would be silent.
            LogProceedFailed(logger, Key, ex);
            throw;
        }
    }

    async Task<ClickToCallLink?> IClickToCallGrain.LinkAsync(string callKey)
    {
        var (transition, link) = ClickToCallDecisions.OnLinkRequested(state.State, callKey, Key);
        await ApplyAsync(transition);
        if (link is not null && transition.Changed)
        {
            LogLinked(logger, Key, callKey, link.Bitrix24CallId);
        }

        return link;
    }

    Task IPbxCommandAckReceiver.OnPbxCommandAckAsync(PbxCommandAck ack) =>
        ApplyAsync(ClickToCallDecisions.OnAcknowledged(state.State, ack, time.GetUtcNow(), options.Value));

    async Task IBitrix24ResultReceiver.OnDispatchResultAsync(DispatchResult result)
    {
        if (result.Error is { } error)
        {
            LogBitrix24Failed(logger, Key, result.Request.Method, error.Code, error.Description);
            if (result.Request is RegisterExternalCall)
            {
                await ApplyAsync(ClickToCallDecisions.OnRegisterFailed(state.State, $"{error.Code} {error.Description}".Trim()));
            }

            return;
        }

        if (result.Value is RegisterExternalCallResult registered)
        {
            await ApplyAsync(ClickToCallDecisions.OnRegistered(state.State, registered.CallId, time.GetUtcNow(), options.Value));
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        _outboxReminder = true;
        await PerformOutboxAsync();
    }

    private async Task ApplyAsync(ClickTransition transition)
    {
        if (!transition.Changed)
        {
            LogUnchanged(logger, Key, transition.Note);
            return;
        }

        state.State = transition.State with { Outbox = state.State.Outbox.AddRange(transition.Effects) };
        await state.WriteStateAsync();
        // Outcomes at Information and above (the PBX took the call, or the call failed); the other steps at Debug.
        switch (state.State)
        {
            case { Phase: ClickPhase.Failed or ClickPhase.Dropped, Failure: { } failure }:
                LogFailed(logger, Key, state.State.Phase, failure.StatusCode, failure.Reason);
                break;
            case { Phase: ClickPhase.Dialling }:
                LogDialling(logger, Key);
                break;
            case { Phase: not ClickPhase.Linked }:
                LogMoved(logger, Key, state.State.Phase);
                break;
        }

        SyncDeadline();
        await PerformOutboxAsync();
    }

    private async Task PerformOutboxAsync()
    {
        var outbox = state.State.Outbox;
        if (outbox.IsEmpty)
        {
            return;
        }

        PbxDelivery? delivery = null;
        try
        {
            var requests = outbox.Where(e => e is not OriginateEffect).Select(e => ClickRequests.For(Key, e, this.GetGrainId())).ToImmutableArray();
            if (!requests.IsEmpty)
            {
                await GrainFactory.GetGrain<IPortalDispatchGrain>(PortalId).EnqueueAsync(requests);
            }

            foreach (var originate in outbox.OfType<OriginateEffect>().Where(o => o.ExpiresAt > time.GetUtcNow()))
            {
                // An originate past its time is not sent (after a restart, say): the deadline fails the click instead.
                delivery = await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).SendAsync(ClickRequests.Originate(originate, this.GetGrainId()));
            }
        }
        catch (Exception ex)
        {
            LogOutboxFailed(logger, Key, outbox.Length, ex);
            if (!_outboxReminder)
            {
                await this.RegisterOrUpdateReminder(OutboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                _outboxReminder = true;
            }

            return;
        }

        state.State = state.State with { Outbox = [] };
        if (state.State.Phase is ClickPhase.Failed or ClickPhase.Dropped)
        {
            // No later step will store the empty outbox: store it now, or a reactivation would finish the call again.
            await state.WriteStateAsync();
        }

        if (_outboxReminder && await this.GetReminder(OutboxReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _outboxReminder = false;
        }

        if (delivery is { } sent)
        {
            await ApplyAsync(ClickToCallDecisions.OnDelivery(state.State, sent));
        }
    }

    /// <summary>
    /// The wait for the PBX (its acknowledgement, then its report of the call) runs on a grain timer that keeps the
    /// click active until it fires; the deadline is in the state, so a reactivation re-arms it.
    /// </summary>
    private void SyncDeadline()
    {
        _deadline?.Dispose();
        _deadline = null;
        if (state.State is not { Phase: ClickPhase.Originating or ClickPhase.Dialling, Deadline: { } deadline })
        {
            return;
        }

        var due = deadline - time.GetUtcNow();
        _deadline = this.RegisterGrainTimer(
            () => ApplyAsync(ClickToCallDecisions.OnDeadline(state.State, time.GetUtcNow())),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }
}
