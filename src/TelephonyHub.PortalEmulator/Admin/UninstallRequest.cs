namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Body of <c>POST /admin/portals/{portal}/apps/{clientId}/uninstall</c>.</summary>
/// <param name="Clean">The admin asked to delete the app's data (<c>data[CLEAN]</c> = 1).</param>
public sealed record UninstallRequest(bool Clean = false);
