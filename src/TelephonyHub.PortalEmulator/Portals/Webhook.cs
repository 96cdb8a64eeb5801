namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>An incoming webhook: <c>/rest/{UserId}/{Code}/{method}</c> (reference §1.1).</summary>
/// <param name="UserId">The user the webhook acts as.</param>
/// <param name="Code">The secret path segment.</param>
public sealed record Webhook(int UserId, string Code);
