namespace TelephonyHub.Grains.Portals;

/// <summary>What a token refresh (<see cref="PortalCredentials.RefreshAsync"/>) changed.</summary>
/// <param name="Next">The portal to store; null when nothing changed (no refresh needed, or somebody refreshed already).</param>
/// <param name="ValidUntil">When the new access token expires; null when the refresh token is dead.</param>
/// <param name="WhyDead">Why the refresh token is dead (the portal then needs a reinstall).</param>
public sealed record PortalTokenRefresh(PortalState? Next, DateTimeOffset? ValidUntil, string? WhyDead)
{
    public static PortalTokenRefresh NotNeeded { get; } = new(null, null, null);
}
