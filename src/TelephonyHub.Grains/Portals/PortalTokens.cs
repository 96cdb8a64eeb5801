namespace TelephonyHub.Grains.Portals;

/// <summary>A portal's OAuth tokens in the clear, only ever in memory (stored encrypted).</summary>
public sealed record PortalTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"PortalTokens {{ expires {ExpiresAt:O} }}";
}
