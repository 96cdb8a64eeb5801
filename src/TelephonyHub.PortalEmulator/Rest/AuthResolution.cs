using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>The portal a request reached and who is calling, or why the caller is refused.</summary>
/// <param name="Portal">The portal (from the path or the token); null when nothing names one.</param>
/// <param name="Auth">The caller; null when refused.</param>
/// <param name="Error">The 401 answer when refused.</param>
public sealed record AuthResolution(Portal? Portal, RestAuth? Auth, RestMethodException? Error);
