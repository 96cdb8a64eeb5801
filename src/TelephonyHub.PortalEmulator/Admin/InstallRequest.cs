namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Body of <c>POST /admin/portals/{portal}/apps/{clientId}/install</c>.</summary>
/// <param name="UserId">Installing admin; null: the portal's first active admin.</param>
/// <param name="SendEvent">Post ONAPPINSTALL to the app's install handler (default true).</param>
public sealed record InstallRequest(int? UserId = null, bool SendEvent = true);
