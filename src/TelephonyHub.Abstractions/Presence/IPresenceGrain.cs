using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Abstractions.Presence;

/// <summary>
/// What the PBX says about the portal's extensions (idle, busy, do-not-disturb, offline). Key: the portal id.
/// Queues read it to skip operators who cannot take a call.
/// </summary>
public interface IPresenceGrain : IPortalPart
{
    /// <summary>Applies a report; an older report than the one held is ignored, a replayed one is a duplicate.</summary>
    Task<EventOutcome> ApplyAsync(ExtensionStateChanged change);

    /// <summary>The last reported state of every extension that reported one.</summary>
    [ReadOnly]
    Task<ImmutableDictionary<string, ExtensionPresence>> GetAllAsync();
}
