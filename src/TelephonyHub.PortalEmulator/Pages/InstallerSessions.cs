using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>
/// The <c>APP_SID</c>s of installer frames the emulator rendered: <c>BX24.installFinish()</c> names one, and only a
/// frame the portal itself opened for that app may finish its install.
/// </summary>
public sealed class InstallerSessions
{
    private readonly ConcurrentDictionary<string, (string MemberId, string ClientId)> _open = new(StringComparer.Ordinal);

    /// <summary>A new <c>APP_SID</c> for an installer frame of <paramref name="clientId"/> on the portal.</summary>
    public string Open(string memberId, string clientId)
    {
        var appSid = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _open[appSid] = (memberId, clientId);
        return appSid;
    }

    /// <summary>True when <paramref name="appSid"/> is an installer frame of that app on that portal.</summary>
    public bool IsInstallerOf(string appSid, string memberId, string clientId) =>
        _open.TryGetValue(appSid, out var opened) && opened == (memberId, clientId);
}
