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

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("TelephonyHub.Settings.Session.v1").ToTimeLimitedDataProtector();

    public string Issue(SettingsSession session) =>
        _protector.Protect($"{session.PortalId}\n{session.UserId}", time.GetUtcNow() + Lifetime);

    public SettingsSession? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token, out var expiration).Split('\n');
            return expiration > time.GetUtcNow() && parts is [var portalId, var user] && long.TryParse(user, out var userId)
                ? new SettingsSession(portalId, userId)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
