using System.Globalization;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using static TelephonyHub.PortalEmulator.Pages.Html;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>
/// An app page inside the portal the way Bitrix24 opens it (reference §3.2 frame request): a form POSTed into an
/// iframe, DOMAIN/PROTOCOL/LANG/APP_SID in the query, a fresh token of the viewing user in the body.
/// </summary>
internal static class AppFrame
{
    /// <summary>The form and the iframe it targets; <see cref="SubmitScript"/> posts it.</summary>
    public static string Render(
        Uri target, PortalSnapshot s, MarketApp app, AppInstallation installation, TokenPair tokens, EmulatorAddress address, string appSid)
    {
        var query = $"DOMAIN={Uri.EscapeDataString(s.Domain)}&PROTOCOL=0&LANG={Uri.EscapeDataString(s.Language)}&APP_SID={appSid}";
        var action = target.AbsoluteUri + (string.IsNullOrEmpty(target.Query) ? "?" : "&") + query;
        (string Name, string Value)[] fields =
        [
            ("AUTH_ID", tokens.AccessToken),
            ("AUTH_EXPIRES", tokens.ExpiresIn.ToString(CultureInfo.InvariantCulture)),
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
        return $"""
            <form id="frame-form" method="post" target="app-frame" action="{E(action)}">{inputs}</form>
            <iframe name="app-frame" id="app-frame" title="{E(app.Name)}"></iframe>
            """;
    }

    /// <summary>Posts the frame form as the page loads.</summary>
    public const string SubmitScript = "<script>document.getElementById('frame-form').submit();</script>";
}
