using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using static TelephonyHub.PortalEmulator.Pages.Html;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>The installed app opened inside the portal: its app page in an <see cref="AppFrame"/>.</summary>
internal static class OpenAppPage
{
    /// <summary>The page; <paramref name="tokens"/> are fresh tokens of the viewing user for the app.</summary>
    public static string Render(PortalSnapshot s, MarketApp app, AppInstallation installation, PortalUser user, TokenPair tokens, EmulatorAddress address)
    {
        var appPage = app.AppPageUrl ?? throw new EmulatorRequestException(409, $"{app.ClientId} has no app page URL");
        var frame = AppFrame.Render(appPage, s, app, installation, tokens, address, RandomNumberGenerator.GetHexString(32, lowercase: true));
        return Page($"{app.Name} — {s.Domain}", $"""
            <header><h1>{E(app.Name)}</h1><div class="meta">{E(s.Domain)} · opened by {E(user.FullName)} (user {user.Id}) · <a href="../../" style="color:#fff">back to portal</a></div></header>
            <main>
            {frame}
            </main>
            """, AppFrame.SubmitScript);
    }
}
