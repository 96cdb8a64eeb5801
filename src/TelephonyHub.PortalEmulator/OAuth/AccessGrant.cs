namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>An issued access token: whose it is and until when it works.</summary>
/// <param name="Token">The opaque token.</param>
/// <param name="MemberId">Portal.</param>
/// <param name="ClientId">Application.</param>
/// <param name="UserId">User the token acts as.</param>
/// <param name="ExpiresAt">Expiry on the emulator clock.</param>
public sealed record AccessGrant(string Token, string MemberId, string ClientId, int UserId, DateTimeOffset ExpiresAt)
{
    /// <summary>Refused with <c>invalid_token</c> (app uninstalled or revoked).</summary>
    public bool Revoked { get; init; }
}
