namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>Tokens issued together, as the OAuth server hands them out.</summary>
/// <param name="AccessToken">Access token (the <c>auth</c> parameter).</param>
/// <param name="RefreshToken">Refresh token, usable once.</param>
/// <param name="ExpiresAt">Access-token expiry on the emulator clock.</param>
/// <param name="ExpiresIn">Access-token lifetime in seconds (3600 unless the portal shortens it).</param>
/// <param name="MemberId">Portal.</param>
/// <param name="ClientId">Application.</param>
/// <param name="UserId">User the tokens act as.</param>
public sealed record TokenPair(
    string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, int ExpiresIn, string MemberId, string ClientId, int UserId);
