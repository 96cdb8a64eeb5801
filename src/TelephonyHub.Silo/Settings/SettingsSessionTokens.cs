using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// The settings page's anti-forgery token: the verified session (portal, user), encrypted and time-limited with
/// Data Protection, carried in a hidden field of every form. A cookie would not do: the page lives in Bitrix24's
/// cross-site iframe, where browsers withhold third-party cookies. A forged or stale token is refused.
/// </summary>
public sealed class SettingsSessionTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // The expiry travels inside the protected payload and is checked against the hub's TimeProvider (Data
    // Protection's own time-limited protector reads the system clock, which tests cannot control).
    private readonly IDataProtector _protector = provider.CreateProtector("TelephonyHub.Settings.Session.v2");

    public string Issue(SettingsSession session) =>
        _protector.Protect($"{session.PortalId}\n{session.UserId}\n{(time.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds()}");

    public SettingsSession? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token).Split('\n') is [var portalId, var user, var expires]
                && long.TryParse(user, out var userId)
                && long.TryParse(expires, out var expiresAt)
                && DateTimeOffset.FromUnixTimeMilliseconds(expiresAt) > time.GetUtcNow()
                ? new SettingsSession(portalId, userId)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
