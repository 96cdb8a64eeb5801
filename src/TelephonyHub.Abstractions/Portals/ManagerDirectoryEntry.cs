namespace TelephonyHub.Abstractions.Portals;

/// <summary>What the portal's directory says about a CRM manager a call would go to.</summary>
/// <param name="IsActiveUser">The user was active at the portal's last user sync (a call registered to a user Bitrix24
/// no longer knows as active is refused, reference §5.1).</param>
/// <param name="Extension">The extension the PBX dials for them, or null when they have none.</param>
[GenerateSerializer, Immutable, Alias("manager-directory-entry-v1")]
public sealed record ManagerDirectoryEntry(
    [property: Id(0)] bool IsActiveUser,
    [property: Id(1)] string? Extension);
