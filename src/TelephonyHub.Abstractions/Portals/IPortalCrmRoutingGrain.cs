namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// A portal's CRM routing (scenario 3), key: its <c>member_id</c>. Implemented by the portal grain — same key, same
/// activation — because it is portal configuration and reads the portal's directory of users and extensions.
/// </summary>
public interface IPortalCrmRoutingGrain : IGrainWithStringKey
{
    /// <exception cref="ArgumentException">A value is out of range (the message says which and why).</exception>
    Task UpdateCrmRoutingAsync(CrmRoutingSettings settings);

    /// <summary>
    /// Whether <paramref name="userId"/> can take a call and which extension rings them: an extension the admin mapped
    /// to them by hand first, then <paramref name="reportedExtension"/> (fresh from Bitrix24's <c>searchCrmEntities</c>)
    /// unless the admin gave that extension to somebody else, then the one the last user sync found.
    /// </summary>
    [ReadOnly]
    Task<ManagerDirectoryEntry> FindManagerAsync(long userId, string? reportedExtension);
}
