namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>
/// The part of Bitrix24's JS library (<c>//api.bitrix24.com/api/v1/</c>) an app page needs here: <c>BX24.init</c>,
/// <c>BX24.installFinish</c>, <c>BX24.getDomain</c>, <c>BX24.getLang</c>. As in Bitrix24, the frame talks to the
/// portal page around it by <c>postMessage</c>, naming its <c>APP_SID</c>.
/// </summary>
internal static class Bx24Script
{
    /// <summary>Where the emulator serves it (an app's page loads it from there instead of api.bitrix24.com).</summary>
    public const string Path = "/api/v1/";

    /// <summary>The script.</summary>
    public const string Source = """
        (function () {
          var query = new URLSearchParams(window.location.search);
          function parentOrigin() {
            try { return new URL(document.referrer).origin; } catch (e) { return '*'; }
          }
          function send(method, params) {
            window.parent.postMessage(JSON.stringify({ method: method, appSid: query.get('APP_SID'), params: params || {} }), parentOrigin());
          }
          window.BX24 = {
            init: function (callback) {
              if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', callback); } else { callback(); }
            },
            installFinish: function () { send('installFinish'); },
            getDomain: function () { return query.get('DOMAIN'); },
            getLang: function () { return query.get('LANG'); },
          };
        })();
        """;
}
