namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Body of <c>PUT /admin/portals/{portal}/status</c>.</summary>
/// <param name="Active">False: every REST request answers 403 <c>PORTAL_DELETED</c>.</param>
public sealed record PortalStatusRequest(bool Active);
