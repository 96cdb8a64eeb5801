using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.ClickToCall;

/// <inheritdoc cref="IClickToCallGrain"/>
/// <remarks>
/// Load, decide (<see cref="ClickToCallDecisions"/>), store the new state with its effects, perform them — the call
/// grain's pattern. The event handler's call returns as soon as the click is taken; the rest runs in a turn of its
/// own (<see cref="IClickToCallGrain.ProceedAsync"/>), so Bitrix24's delivery never waits on the PBX (reference §4.1).
/// The outbox goes out through <see cref="ClickOutboxHandOver"/>.
/// </remarks>
public sealed partial class ClickToCallGrain(
    [PersistentState(PerCallStates.Click, StorageNames.Default)] IPersistentState<ClickToCallState> state,
    IOptions<ClickToCallOptions> options,
    TimeProvider time,
    ILogger<ClickToCallGrain> logger) : Grain, IClickToCallGrain, IPbxCommandAckReceiver, IBitrix24ResultReceiver, IRemindable
{
    /// <summary>The outbox retry's period: Orleans' default floor for reminders.</summary>
    private static readonly TimeSpan OutboxRetryPeriod = TimeSpan.FromMinutes(1);

    private DeadlineTimer? _deadline;
    private StandbyReminder? _outboxRetry;
    private ClickOutboxHandOver? _outbox;

    private string Key => this.GetPrimaryKeyString();

    private string PortalId => ClickKey.Parse(Key).PortalId;

    /// <summary>
    /// The wait for the PBX (its acknowledgement, then its report of the call) runs on a grain timer that keeps the
    /// click active until it fires; the deadline is in the state, so a reactivation re-arms it.
    /// </summary>
    private DeadlineTimer Deadline => _deadline ??= new(this, time, () => ApplyAsync(ClickToCallDecisions.OnDeadline(state.State, time.GetUtcNow())), keepAlive: true);

    private StandbyReminder OutboxRetry => _outboxRetry ??= new(this, "click-outbox");

    private ClickOutboxHandOver Outbox => _outbox ??= new(GrainFactory, time, logger, Key, this.GetGrainId());

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
        }

        if (ClickAnswers.Of(state.State, result, time.GetUtcNow(), options.Value) is { } transition)
        {
            await ApplyAsync(transition);
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        OutboxRetry.Fired();
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
        LogStep(logger, Key, state.State);
        SyncDeadline();
        await PerformOutboxAsync();
    }

    private async Task PerformOutboxAsync()
    {
        if (state.State.Outbox.IsEmpty)
        {
            return;
        }

        var (handedOver, delivery) = await Outbox.HandOverAsync(state.State.Outbox);
        if (!handedOver)
        {
            await OutboxRetry.EnsureAsync(OutboxRetryPeriod, OutboxRetryPeriod);
            return;
        }

        state.State = state.State with { Outbox = [] };
        if (state.State.Phase is ClickPhase.Failed or ClickPhase.Dropped)
        {
            // No later step will store the empty outbox: store it now, or a reactivation would finish the call again.
            await state.WriteStateAsync();
        }

        await OutboxRetry.DropAsync();
        if (delivery is { } sent)
        {
            await ApplyAsync(ClickToCallDecisions.OnDelivery(state.State, sent));
        }
    }

    private void SyncDeadline() =>
        Deadline.ArmOrDisarm(state.State is { Phase: ClickPhase.Originating or ClickPhase.Dialling, Deadline: { } deadline } ? deadline : null);
}
