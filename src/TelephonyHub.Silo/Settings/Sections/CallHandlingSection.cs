using System.Globalization;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>How calls are written to Bitrix24: number region, chat summary, recording wait, fallback owner.</summary>
public static class CallHandlingSection
{
    public static string Render(SettingsView view)
    {
        var settings = view.Portal.CallHandling;
        var installer = UserName(view, view.Portal.InstallerUserId);
        return $"""
            <section aria-labelledby="call-handling"><h2 id="call-handling">Call records</h2>
            <form method="post" action="{SettingsPageEndpoints.CallHandlingPath}">{Session(view)}
            <dl>
            <dt><label for="region">Country of national numbers</label></dt>
            <dd><input id="region" name="phoneRegion" required maxlength="2" size="3" value="{E(settings?.PhoneRegion)}"> <span class="muted">e.g. DE reads 030 1234567 as +49 30 1234567</span></dd>
            <dt><label for="chat">Post call summaries to the user's chat</label></dt>
            <dd><input id="chat" name="addToChat" type="checkbox" value="true"{(settings?.AddToChat == true ? " checked" : "")}></dd>
            <dt><label for="wait">Wait for a recording up to (minutes)</label></dt>
            <dd><input id="wait" name="recordingWaitMinutes" type="number" min="0" max="120" required value="{(settings?.RecordingMaxWait.TotalMinutes ?? 10).ToString("0", CultureInfo.InvariantCulture)}"></dd>
            <dt><label for="fetch-urls">Bitrix24 can reach the PBX's recording URLs</label></dt>
            <dd><input id="fetch-urls" name="portalFetchesRecordingUrls" type="checkbox" value="true"{(settings?.PortalFetchesRecordingUrls == true ? " checked" : "")}> <span class="muted">otherwise the hub uploads each recording</span></dd>
            <dt><label for="fallback">Owner of calls nobody else owns</label></dt>
            <dd>{ExtensionsSection.UserSelect(view, "fallback", "fallbackUserId", settings?.FallbackUserId, allowNone: true, $"the installing admin, {installer}")}</dd>
            </dl>
            <button type="submit" id="save-call-records">Save</button></form>
            </section>
            """;
    }
}
