namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Answer of <c>POST /admin/portals/{portal}/faults/expire-tokens</c>.</summary>
/// <param name="Expired">How many live access tokens expired.</param>
public sealed record ExpiredTokens(int Expired);
