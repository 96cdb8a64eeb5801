using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

/// <inheritdoc cref="IPresenceGrain"/>
public sealed partial class PresenceGrain(
    [PersistentState("presence", StorageNames.Default)] IPersistentState<PresenceState> state,
    ILogger<PresenceGrain> logger) : Grain, IPresenceGrain
{
    async Task<EventOutcome> IPresenceGrain.ApplyAsync(ExtensionStateChanged change)
    {
        if (state.State.Extensions.TryGetValue(change.Extension, out var current))
        {
            if (current.EventId == change.EventId)
            {
                return EventOutcome.Duplicate;
            }

            // Reports can overtake each other across reconnects: the newest by PBX time wins.
            if (current.Since > change.OccurredAt)
            {
                return EventOutcome.Ignored($"Extension {change.Extension} has a newer report ({current.State}).");
            }
        }

        state.State = state.State with
        {
            Extensions = state.State.Extensions.SetItem(
                change.Extension, new ExtensionPresence(change.State, change.OccurredAt, change.EventId)),
        };
        await state.WriteStateAsync();
        LogChanged(logger, this.GetPrimaryKeyString(), change.Extension, change.State);
        return EventOutcome.Applied;
    }

    async Task IPortalPart.PurgeAsync()
    {
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    Task<ImmutableDictionary<string, ExtensionPresence>> IPresenceGrain.GetAllAsync() =>
        Task.FromResult(state.State.Extensions);
}
