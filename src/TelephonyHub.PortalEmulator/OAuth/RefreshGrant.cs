namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>An issued refresh token; it works once (rotation, reference §3.4).</summary>
/// <param name="Token">The opaque token.</param>
/// <param name="MemberId">Portal.</param>
/// <param name="ClientId">Application.</param>
/// <param name="UserId">User the tokens act as.</param>
/// <param name="ExpiresAt">180 days after issue (reference §2.3).</param>
public sealed record RefreshGrant(string Token, string MemberId, string ClientId, int UserId, DateTimeOffset ExpiresAt)
{
    /// <summary>Already exchanged: a second use answers <c>invalid_grant</c>.</summary>
    public bool Used { get; init; }

    /// <summary>App uninstalled or revoked.</summary>
    public bool Revoked { get; init; }
}
