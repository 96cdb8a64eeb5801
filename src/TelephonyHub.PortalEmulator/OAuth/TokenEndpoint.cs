using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>
/// The OAuth server's token endpoint, <c>/oauth/token/</c> by GET query or POST form (reference §3.4):
/// <c>grant_type=refresh_token</c> rotates the refresh token; a used, revoked or unknown one answers
/// <c>invalid_grant</c>. The authorization-code grant is not emulated (apps get tokens from ONAPPINSTALL and frames).
/// Every request whose refresh token names a portal is logged in that portal's <see cref="PortalSnapshot.TokenRequests"/>.
/// </summary>
public sealed partial class TokenEndpoint(
    AppCatalog apps, PortalDirectory portals, TokenStore tokens, EmulatorAddress address, TimeProvider time, ILogger<TokenEndpoint> logger)
{
    /// <summary>Answers a token request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var parsed = await ParameterParser.ParseAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var p = parsed.Parameters;
        var (grantType, clientId, refreshToken) = (p.String("grant_type"), p.String("client_id"), p.String("refresh_token"));
        var (status, body) = Answer(grantType, clientId, p.String("client_secret"), refreshToken);
        if (!string.IsNullOrEmpty(refreshToken) && tokens.FindRefresh(refreshToken) is { } grant && portals.Find(grant.MemberId) is { } portal)
        {
            var entry = new TokenRequestLogEntry
            {
                At = time.GetUtcNow(),
                GrantType = grantType ?? "",
                ClientId = clientId ?? "",
                StatusCode = status,
                ErrorCode = body["error"]?.GetValue<string>(),
            };
            portal.Update(s => s with { TokenRequests = s.TokenRequests.Add(entry) });
        }

        await RestResponse.WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private (int, JsonObject) Answer(string? grantType, string? clientId, string? clientSecret, string? refreshToken)
    {
        if (grantType != "refresh_token")
        {
            return Error(400, "invalid_request", $"Unsupported grant_type '{grantType}'");
        }

        if (clientId is null || apps.Find(clientId) is not { } app || app.ClientSecret != clientSecret)
        {
            return Error(401, "invalid_client", "Invalid client credentials");
        }

        var grant = string.IsNullOrEmpty(refreshToken) ? null : tokens.FindRefresh(refreshToken);
        var portal = grant is null ? null : portals.Find(grant.MemberId);
        if (grant is null || portal is null)
        {
            return Error(400, "invalid_grant", "Invalid refresh token");
        }

        var snapshot = portal.Snapshot;
        if (snapshot.Installation(clientId) is not { Revoked: false })
        {
            return Error(400, "invalid_grant", "Application is not installed");
        }

        if (tokens.Rotate(refreshToken!, clientId, snapshot.Faults.AccessTokenLifetimeSeconds) is not { } pair)
        {
            LogRefused(logger, snapshot.Domain, clientId);
            return Error(400, "invalid_grant", "The refresh token is invalid, expired or already used");
        }

        return (200, new JsonObject
        {
            ["access_token"] = pair.AccessToken,
            ["expires"] = pair.ExpiresAt.ToUnixTimeSeconds(),
            ["expires_in"] = pair.ExpiresIn,
            ["scope"] = string.Join(',', app.Scopes),
            ["domain"] = address.OAuthServerDomain,
            ["server_endpoint"] = address.ServerEndpoint,
            ["status"] = app.Status,
            ["client_endpoint"] = address.ClientEndpoint(snapshot.Domain),
            ["member_id"] = snapshot.MemberId,
            ["user_id"] = pair.UserId,
            ["refresh_token"] = pair.RefreshToken,
        });
    }

    private static (int, JsonObject) Error(int status, string code, string description) =>
        (status, new JsonObject { ["error"] = code, ["error_description"] = description });
}
