using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

/// <summary>
/// How the PBX's reports of an extension's state are taken in: each event once (the last
/// <see cref="RememberedPerExtension"/> ids of each extension are remembered, so a report resent after a newer one is a
/// duplicate, not a step back), the newest by PBX time winning. Two reports with the same time (PBXs often report
/// whole seconds) count in the order they arrive, as the PBX sent them.
/// </summary>
public static class ExtensionReports
{
    /// <summary>
    /// Event ids remembered per extension. A PBX resends only events it has no acknowledgement for, so a replay after a
    /// reconnect reaches back a few events at most.
    /// </summary>
    public const int RememberedPerExtension = 4;

    public static (PresenceState State, EventOutcome Outcome) Apply(PresenceState state, ExtensionStateChanged change)
    {
        var seen = state.SeenEventIds.GetValueOrDefault(change.Extension, []);
        if (state.Extensions.TryGetValue(change.Extension, out var current))
        {
            if (current.EventId == change.EventId || seen.Contains(change.EventId))
            {
                return (state, EventOutcome.Duplicate);
            }

            // Reports can overtake each other across reconnects: the newest by PBX time wins.
            if (current.Since > change.OccurredAt)
            {
                return (state, EventOutcome.Ignored($"Extension {change.Extension} has a newer report ({current.State})."));
            }
        }

        seen = seen.Add(change.EventId);
        return (state with
        {
            Extensions = state.Extensions.SetItem(change.Extension, new ExtensionPresence(change.State, change.OccurredAt, change.EventId)),
            SeenEventIds = state.SeenEventIds.SetItem(change.Extension,
                seen.Length > RememberedPerExtension ? seen.RemoveRange(0, seen.Length - RememberedPerExtension) : seen),
        }, EventOutcome.Applied);
    }
}
