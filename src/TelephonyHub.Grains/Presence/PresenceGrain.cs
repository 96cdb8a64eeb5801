using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Persistence;

namespace TelephonyHub.Grains.Presence;

/// <inheritdoc cref="IPresenceGrain"/>
/// <remarks>
/// Reentrant, so one slow storage write does not hold up every call of the portal: each request decides and changes
/// the state synchronously (<see cref="OperatorBoard"/>) — nothing interleaves there — and then waits for the
/// coalescing writer to store it before it answers. Handing out operators stays atomic.
/// </remarks>
[Reentrant]
public sealed partial class PresenceGrain(
    [PersistentState("presence", StorageNames.Default)] IPersistentState<PresenceState> state,
    TimeProvider time,
    ILogger<PresenceGrain> logger) : Grain, IPresenceGrain
{
    private readonly CoalescingStateWriter<PresenceState> _writer = new(state);

    private string PortalId => this.GetPrimaryKeyString();

    async Task<EventOutcome> IPresenceGrain.ApplyAsync(ExtensionStateChanged change)
    {
        (var next, var outcome) = ExtensionReports.Apply(state.State, change);
        if (outcome.Verdict != EventVerdict.Applied)
        {
            // A duplicate of a report whose write may still be in flight: it is only one once that is stored.
            await _writer.FlushAsync();
            return outcome;
        }

        state.State = next;
        var offered = change.State == ExtensionState.Idle ? [] : OperatorBoard.OfferedAt(state.State, change.Extension, time.GetUtcNow());
        await _writer.WriteAsync();
        LogChanged(logger, PortalId, change.Extension, change.State);
        foreach (var (callKey, userId) in offered)
        {
            // The member cannot take the call now (another phone call, DND, gone): the call moves on at once.
            LogOfferedOperatorUnavailable(logger, PortalId, userId, change.Extension, change.State, callKey);
            GrainFactory.GetGrain<IQueuedCallGrain>(callKey).OnOperatorUnavailableAsync(userId).Ignore();
        }

        return EventOutcome.Applied;
    }

    async Task IPortalPart.PurgeAsync()
    {
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    Task<ImmutableDictionary<string, ExtensionPresence>> IPresenceGrain.GetAllAsync() =>
        Task.FromResult(state.State.Extensions);

    async Task<OfferOutcome> IPresenceGrain.OfferAsync(OperatorOffer offer)
    {
        (state.State, var outcome) = OperatorBoard.Offer(state.State, offer, time.GetUtcNow());
        await _writer.WriteAsync();
        return outcome;
    }

    async Task IPresenceGrain.EngageAsync(string callKey, long userId)
    {
        state.State = OperatorBoard.Engage(state.State, callKey, userId, time.GetUtcNow());
        await _writer.WriteAsync();
    }

    async Task IPresenceGrain.ReleaseAsync(string callKey)
    {
        var next = OperatorBoard.Release(state.State, callKey);
        if (!ReferenceEquals(next, state.State))
        {
            state.State = next;
            await _writer.WriteAsync();
        }
    }

    Task<ImmutableDictionary<long, string>> IPresenceGrain.GetHeldOperatorsAsync() =>
        Task.FromResult(OperatorBoard.Held(state.State, time.GetUtcNow()));
}
