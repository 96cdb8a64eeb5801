using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using static TelephonyHub.PortalEmulator.Pages.Html;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>
/// The app opened inside the portal the way Bitrix24 does it (reference §3.2 frame request): a form POSTed into an
/// iframe at the app page URL, DOMAIN/PROTOCOL/LANG/APP_SID in the query, a fresh token of the user in the body.
/// </summary>
internal static class OpenAppPage
{
    /// <summary>The page; <paramref name="tokens"/> are fresh tokens of the viewing user for the app.</summary>
    public static string Render(PortalSnapshot s, MarketApp app, AppInstallation installation, PortalUser user, TokenPair tokens, EmulatorAddress address)
    {
        var appPage = app.AppPageUrl ?? throw new EmulatorRequestException(409, $"{app.ClientId} has no app page URL");
        var query = $"DOMAIN={Uri.EscapeDataString(s.Domain)}&PROTOCOL=0&LANG={Uri.EscapeDataString(s.Language)}" +
            $"&APP_SID={RandomNumberGenerator.GetHexString(32, lowercase: true)}";
        var action = appPage.AbsoluteUri + (string.IsNullOrEmpty(appPage.Query) ? "?" : "&") + query;
        (string Name, string Value)[] fields =
        [
            ("AUTH_ID", tokens.AccessToken),
            ("AUTH_EXPIRES", tokens.ExpiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("REFRESH_ID", tokens.RefreshToken),
            ("SERVER_ENDPOINT", address.ServerEndpoint),
            ("member_id", s.MemberId),
            ("status", app.Status),
            ("PLACEMENT", "DEFAULT"),
            ("PLACEMENT_OPTIONS", "{}"),
            ("APPLICATION_TOKEN", installation.ApplicationToken),
            ("APPLICATION_SCOPE", string.Join(',', app.Scopes)),
        ];
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{E(f.Name)}\" value=\"{E(f.Value)}\">"));
        return Page($"{app.Name} — {s.Domain}", $"""
            <header><h1>{E(app.Name)}</h1><div class="meta">{E(s.Domain)} · opened by {E(user.FullName)} (user {user.Id}) · <a href="../../" style="color:#fff">back to portal</a></div></header>
            <main>
            <form id="frame-form" method="post" target="app-frame" action="{E(action)}">{inputs}</form>
            <iframe name="app-frame" id="app-frame" title="{E(app.Name)}"></iframe>
            </main>
            """, "<script>document.getElementById('frame-form').submit();</script>");
    }
}
