namespace TelephonyHub.Silo.Settings;

/// <summary>An admin of a portal who opened the settings page inside Bitrix24 and was verified against the portal.</summary>
public sealed record SettingsSession(string PortalId, long UserId);
