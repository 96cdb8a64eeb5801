using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>Which extension rings a CRM manager, and whether the portal still counts them as an active user.</summary>
public static class ManagerDirectory
{
    /// <summary>
    /// The admin's own mapping first (it exists because the PBX's extensions differ from Bitrix24's); then the extension
    /// Bitrix24 reported just now with the CRM match (<c>USER_PHONE_INNER</c>, reference §5.6) — fresher than the user
    /// sync — unless the admin gave that extension to somebody else; then the synced one.
    /// </summary>
    public static ManagerDirectoryEntry Find(PortalState state, long userId, string? reportedExtension)
    {
        var overridden = state.ExtensionOverrides.Where(e => e.Value == userId).Select(e => e.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        var reported = reportedExtension?.Trim() is { Length: > 0 } inner
            && (!state.ExtensionOverrides.TryGetValue(inner, out var owner) || owner == userId)
                ? inner
                : null;
        return new ManagerDirectoryEntry(state.SyncedUsers.ContainsKey(userId), overridden ?? reported ?? PortalQueues.ExtensionOf(state, userId));
    }
}
