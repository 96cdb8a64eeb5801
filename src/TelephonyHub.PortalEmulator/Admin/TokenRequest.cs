namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Body of <c>POST /admin/portals/{portal}/apps/{clientId}/tokens</c>.</summary>
/// <param name="UserId">The user the tokens act as.</param>
public sealed record TokenRequest(int UserId);
