using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// Who calls a callback-form customer back: the first operator whose extension the PBX last reported idle; when the
/// PBX reports no states at all for an extension, it counts as free (many PBXs never send them). Busy,
/// do-not-disturb and offline extensions are never chosen. Deliberately simple and in one place, so the queues
/// (scenario 2) can replace it.
/// </summary>
public static class CallbackOperators
{
    /// <returns>The operator and their extension, or null when nobody is free.</returns>
    public static (long UserId, string Extension)? Choose(
        ImmutableDictionary<string, long> extensions, ImmutableDictionary<string, ExtensionState> presence)
    {
        // Extensions in their natural order ("99" before "100"), so the choice is stable and predictable for admins.
        var ordered = extensions.OrderBy(e => e.Key.Length).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        foreach (var (extension, user) in ordered)
        {
            if (presence.GetValueOrDefault(extension) == ExtensionState.Idle)
            {
                return (user, extension);
            }
        }

        foreach (var (extension, user) in ordered)
        {
            if (!presence.ContainsKey(extension))
            {
                return (user, extension);
            }
        }

        return null;
    }
}
