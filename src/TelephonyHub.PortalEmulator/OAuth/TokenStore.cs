using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>
/// Every token the emulator issued, over all portals. Tokens are random and globally unique, so a token alone
/// names its portal, app and user.
/// </summary>
public sealed class TokenStore(TimeProvider time)
{
    /// <summary>Refresh tokens live 180 days (reference §2.3).</summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(180);

    private readonly ConcurrentDictionary<string, AccessGrant> access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshGrant> refresh = new(StringComparer.Ordinal);
    private readonly Lock rotation = new();

    /// <summary>Issues a new access/refresh pair.</summary>
    public TokenPair Issue(string memberId, string clientId, int userId, int accessLifetimeSeconds)
    {
        var now = time.GetUtcNow();
        var pair = new TokenPair(
            NewToken(), NewToken(), now.AddSeconds(accessLifetimeSeconds), accessLifetimeSeconds, memberId, clientId, userId);
        access[pair.AccessToken] = new AccessGrant(pair.AccessToken, memberId, clientId, userId, pair.ExpiresAt);
        refresh[pair.RefreshToken] = new RefreshGrant(pair.RefreshToken, memberId, clientId, userId, now + RefreshLifetime);
        return pair;
    }

    /// <summary>The grant behind an access token, valid or not; null when the emulator never issued it.</summary>
    public AccessGrant? FindAccess(string token) => access.GetValueOrDefault(token);

    /// <summary>The grant behind a refresh token; null when never issued.</summary>
    public RefreshGrant? FindRefresh(string token) => refresh.GetValueOrDefault(token);

    /// <summary>
    /// Marks the refresh token used and issues a new pair, atomically: of two concurrent refreshes with the same
    /// token exactly one wins (reference open question 6). Null when the token is unknown, used, revoked or expired.
    /// </summary>
    public TokenPair? Rotate(string refreshToken, string clientId, int accessLifetimeSeconds)
    {
        lock (rotation)
        {
            if (!refresh.TryGetValue(refreshToken, out var grant)
                || grant.Used || grant.Revoked || grant.ClientId != clientId || time.GetUtcNow() >= grant.ExpiresAt)
            {
                return null;
            }

            refresh[refreshToken] = grant with { Used = true };
            return Issue(grant.MemberId, grant.ClientId, grant.UserId, accessLifetimeSeconds);
        }
    }

    /// <summary>Makes every access token of a portal expire now ("expire all tokens" fault); refresh tokens keep working.</summary>
    public int ExpireAll(string memberId)
    {
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var grant in access.Values.Where(g => g.MemberId == memberId && g.ExpiresAt > now))
        {
            access[grant.Token] = grant with { ExpiresAt = now };
            count++;
        }

        return count;
    }

    /// <summary>Revokes every token of an app on a portal (uninstall, "revoke app").</summary>
    public void RevokeAll(string memberId, string clientId)
    {
        foreach (var grant in access.Values.Where(g => g.MemberId == memberId && g.ClientId == clientId))
        {
            access[grant.Token] = grant with { Revoked = true };
        }

        lock (rotation)
        {
            foreach (var grant in refresh.Values.Where(g => g.MemberId == memberId && g.ClientId == clientId))
            {
                refresh[grant.Token] = grant with { Revoked = true };
            }
        }
    }

    private static string NewToken() => RandomNumberGenerator.GetHexString(64, lowercase: true);
}
