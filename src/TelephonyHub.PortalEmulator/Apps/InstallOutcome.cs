using TelephonyHub.PortalEmulator.Events;

namespace TelephonyHub.PortalEmulator.Apps;

/// <summary>What installing an app did.</summary>
/// <param name="AppId">The app's id on the portal.</param>
/// <param name="ApplicationToken">The per-portal secret every event of the app carries.</param>
/// <param name="InstalledBy">Admin whose tokens went with ONAPPINSTALL.</param>
/// <param name="Delivery">The ONAPPINSTALL POST and the app's answer; null when the app has no install handler.</param>
public sealed record InstallOutcome(int AppId, string ApplicationToken, int InstalledBy, EventDelivery? Delivery);
