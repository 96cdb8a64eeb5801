using Microsoft.Extensions.Options;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>Authenticates a REST request by its token or webhook path (reference §1.4, §9 item 3).</summary>
public sealed class AuthResolver(
    PortalDirectory portals, AppCatalog apps, TokenStore tokens, TimeProvider time, IOptions<PortalEmulatorOptions> options)
{
    /// <summary>
    /// Resolves the caller. <paramref name="pathDomain"/> is the portal named by a <c>/portals/{domain}/rest/</c>
    /// path (null on <c>/rest/</c>, where the token names the portal).
    /// </summary>
    public AuthResolution Resolve(string? pathDomain, string? token, (int UserId, string Code)? webhook)
    {
        var pathPortal = pathDomain is null ? null : portals.FindByDomain(pathDomain);
        return webhook is { } hook ? ResolveWebhook(pathDomain, pathPortal, hook) : ResolveToken(pathDomain, pathPortal, token);
    }

    private AuthResolution ResolveWebhook(string? pathDomain, Portal? pathPortal, (int UserId, string Code) hook)
    {
        var found = pathDomain is null
            ? portals.FindWebhook(hook.UserId, hook.Code)
            : pathPortal?.Snapshot.Webhooks.Find(w => w.UserId == hook.UserId && w.Code == hook.Code) is { } w ? (pathPortal, w) : null;
        if (found is not { } match || match.Portal.Snapshot.User(hook.UserId) is not { Active: true })
        {
            return new AuthResolution(pathPortal, null, NoAuth());
        }

        return new AuthResolution(match.Portal, new RestAuth(AuthKind.Webhook, hook.UserId, null, null), null);
    }

    private AuthResolution ResolveToken(string? pathDomain, Portal? pathPortal, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new AuthResolution(pathPortal, null, NoAuth());
        }

        var grant = tokens.FindAccess(token);
        var portal = grant is null ? null : portals.Find(grant.MemberId);
        if (grant is null || portal is null || (pathDomain is not null && portal != pathPortal))
        {
            // A token the portal never issued, or another portal's token (reference open question 5).
            return new AuthResolution(pathPortal, null, Unknown());
        }

        var installation = portal.Snapshot.Installation(grant.ClientId);
        if (grant.Revoked || installation is null || installation.Revoked || apps.Find(grant.ClientId) is not { } app)
        {
            return new AuthResolution(portal, null, Invalid());
        }

        if (time.GetUtcNow() >= grant.ExpiresAt)
        {
            return new AuthResolution(portal, null, new RestMethodException(401, "expired_token", "The access token provided has expired."));
        }

        return new AuthResolution(portal, new RestAuth(AuthKind.OAuth, grant.UserId, installation, app), null);
    }

    private RestMethodException Unknown() => options.Value.UnknownTokenError == "invalid_token" ? Invalid() : NoAuth();

    private static RestMethodException NoAuth() => new(401, "NO_AUTH_FOUND", "Wrong authorization data");

    private static RestMethodException Invalid() => new(401, "invalid_token", "The access token provided is invalid.");
}
