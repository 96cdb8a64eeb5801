using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using static TelephonyHub.PortalEmulator.Pages.Html;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>
/// Installing an app from the portal's UI (reference §3.2 flow B): the app's installer page in an
/// <see cref="AppFrame"/>; when it calls <c>BX24.installFinish()</c> (the emulator's <see cref="Bx24Script"/> posts a
/// message to this page), the page tells the portal, and the app counts as installed.
/// </summary>
internal static class InstallAppPage
{
    /// <summary>The page for an install begun by <paramref name="user"/>, framed with <paramref name="appSid"/>.</summary>
    public static string Render(
        PortalSnapshot s, MarketApp app, AppInstallation installation, PortalUser user, TokenPair tokens, EmulatorAddress address, string appSid)
    {
        var installer = app.InstallerPageUrl ?? throw new EmulatorRequestException(409, $"{app.ClientId} has no installer page");
        var frame = AppFrame.Render(installer, s, app, installation, tokens, address, appSid);
        return Page($"Installing {app.Name} — {s.Domain}", $"""
            <header><h1>Installing {E(app.Name)}</h1><div class="meta">{E(s.Domain)} · by {E(user.FullName)} (user {user.Id}) · <a href="../../" style="color:#fff">back to portal</a></div></header>
            <main>
            <section><p id="install-status" role="status">Waiting for the app to finish its installation…</p></section>
            {frame}
            </main>
            """, AppFrame.SubmitScript + $$"""
            <script>
            window.addEventListener('message', async function (e) {
              if (e.source !== document.getElementById('app-frame').contentWindow) return;
              var message;
              try { message = JSON.parse(e.data); } catch { return; }
              if (!message || message.method !== 'installFinish' || message.appSid !== '{{appSid}}') return;
              var answer = await fetch('install-finish', { method: 'POST', body: new URLSearchParams({ APP_SID: '{{appSid}}' }) });
              document.getElementById('install-status').textContent = answer.ok ? 'Installed.' : 'The install could not be finished: ' + await answer.text();
              document.getElementById('install-status').className = answer.ok ? 'ok' : 'bad';
            });
            </script>
            """);
    }
}
