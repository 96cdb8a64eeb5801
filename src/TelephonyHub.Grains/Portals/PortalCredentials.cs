using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// A portal's OAuth tokens for its grain: stored encrypted, decrypted once per activation and kept in memory only,
/// refreshed through Bitrix24's OAuth server when the dispatch finds the access token expired.
/// </summary>
public sealed class PortalCredentials(PortalTokenProtector protector, Bitrix24OAuthClient oauth)
{
    private PortalTokens? _tokens;

    /// <summary>Keeps <paramref name="tokens"/> in memory; returns them encrypted, for the state.</summary>
    public string Keep(PortalTokens tokens)
    {
        _tokens = tokens;
        return protector.Protect(tokens);
    }

    public void Forget() => _tokens = null;

    /// <summary>Where and with which access token to call the portal; null unless installed with working tokens.</summary>
    public Bitrix24Connection? ConnectionOf(PortalState state) =>
        state is { Lifecycle: PortalLifecycle.Installed, ClientEndpoint: { } endpoint } && TokensOf(state) is { } tokens
            ? new Bitrix24Connection(endpoint, tokens.AccessToken)
            : null;

    /// <summary>
    /// Refreshes the tokens when <paramref name="expiredAccessToken"/> is still the current one, or the current one has
    /// expired as well (refreshed long ago, when the portal was quiet): calls are serialized in the grain, so the
    /// refreshes of requests that failed together collapse into one.
    /// </summary>
    /// <exception cref="Bitrix24RefreshFailedException">The OAuth server failed for now; the dispatch tries again later.</exception>
    public async Task<PortalTokenRefresh> RefreshAsync(PortalState state, string expiredAccessToken, string portalId, DateTimeOffset now)
    {
        if (TokensOf(state) is not { } current || state.Lifecycle != PortalLifecycle.Installed)
        {
            return PortalTokenRefresh.NotNeeded;
        }

        if (current.AccessToken != expiredAccessToken && current.ExpiresAt > now)
        {
            return PortalTokenRefresh.NotNeeded; // refreshed since the caller got its token: the current one is good
        }

        var outcome = await oauth.RefreshAsync(current.RefreshToken, CancellationToken.None);
        if (outcome.IsSuccess && outcome.Tokens.MemberId == portalId)
        {
            var tokens = outcome.Tokens;
            var stored = Keep(new PortalTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt));
            return new PortalTokenRefresh(
                state with { ProtectedTokens = stored, ClientEndpoint = tokens.ClientEndpoint, TokensIssuedAt = now }, tokens.ExpiresAt, null);
        }

        if (outcome.Error is { Kind: Bitrix24OAuthErrorKind.Transient } transient)
        {
            throw new Bitrix24RefreshFailedException($"Refreshing the tokens of portal {portalId} failed for now: {transient.Description}");
        }

        // invalid_grant and its kin: only a reinstall brings new tokens. Requests keep waiting in the dispatch.
        return new PortalTokenRefresh(state with { Lifecycle = PortalLifecycle.NeedsReinstall }, null, outcome.Error?.Code ?? "member_id mismatch");
    }

    private PortalTokens? TokensOf(PortalState state) =>
        _tokens ??= state.ProtectedTokens is { } stored ? protector.Unprotect(stored) : null;
}
