using TelephonyHub.Silo.Settings.Sections;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Renders the settings page: plain server-side HTML that works inside Bitrix24's iframe without scripts, with
/// labelled controls and headings for screen readers. Every form posts the session token back.
/// </summary>
public static class SettingsPageRenderer
{
    public static string Render(SettingsView view)
    {
        var notice = view.Notice is { } text
            ? $"<p role=\"{(view.NoticeIsError ? "alert" : "status")}\" class=\"{(view.NoticeIsError ? "error" : "notice")}\">{E(text)}</p>"
            : "";
        return Page($"""
            <header><h1>TelephonyHub</h1><p>{E(view.Portal.Domain ?? view.Portal.PortalId)}</p></header>
            <main>
            {notice}
            {ConnectionsSection.Render(view)}
            {PbxKeysSection.Render(view)}
            {ExtensionsSection.Render(view)}
            {CallHandlingSection.Render(view)}
            {QueueSettingsRenderer.Render(view)}
            {CrmRoutingSection.Render(view)}
            {RecentCallsSection.Render(view)}
            </main>
            """);
    }

    public static string Refused(string why) => Page($"""
        <header><h1>TelephonyHub</h1></header>
        <main><p role="alert" class="error">{E(why)}</p></main>
        """);
}
