using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>The installer page's HTML: what the admin sees in the Bitrix24 frame while installing.</summary>
public static class InstallerPageRenderer
{
    /// <summary>
    /// Installed: the page loads Bitrix24's JS library and calls <c>BX24.installFinish()</c>, after which Bitrix24
    /// counts the app as installed and starts delivering its events (reference §3.2 flow B).
    /// </summary>
    public static string Installed(string domain, Uri jsLibrary) => Page($$"""
        <header><h1>TelephonyHub</h1><p>{{E(domain)}}</p></header>
        <main><section>
        <h2>Installed</h2>
        <p id="install-result" class="notice" role="status">TelephonyHub is installed on this portal. It binds its events,
        registers its line and syncs your users in the background; next, open the app to issue a key for your PBX.</p>
        </section></main>
        <script src="{{E(jsLibrary.AbsoluteUri)}}"></script>
        <script>BX24.init(function () { BX24.installFinish(); });</script>
        """, "TelephonyHub installation");

    /// <summary>Not installed, and why; the page does not finish the install, so Bitrix24 lets the admin retry.</summary>
    public static string Failed(string why) => Page($"""
        <header><h1>TelephonyHub</h1></header>
        <main><section>
        <h2>Not installed</h2>
        <p id="install-result" class="error" role="alert">{E(why)}</p>
        </section></main>
        """, "TelephonyHub installation");
}
