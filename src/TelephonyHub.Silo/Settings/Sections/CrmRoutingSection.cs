using System.Globalization;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>Known callers (scenario 3): ring the CRM's responsible manager first, the deal rule, the answer time, leads.</summary>
public static class CrmRoutingSection
{
    public static string Render(SettingsView view)
    {
        var settings = view.Portal.CrmRouting;
        return $"""
            <section aria-labelledby="crm-routing"><h2 id="crm-routing">Known callers</h2>
            <p>An inbound call that names no extension can ring the caller's responsible manager in the CRM first — when the manager has an
            extension, is at work and free. Otherwise, and when the manager does not answer in time, the call goes to its line's queue.
            Bitrix24 is asked afresh for every call.</p>
            <form method="post" action="{CrmRoutingSettingsEndpoints.SavePath}">{Session(view)}
            <dl>
            <dt><label for="crm-enabled">Ring the responsible manager first</label></dt>
            <dd><input id="crm-enabled" name="enabled" type="checkbox" value="true"{Checked(settings.Enabled)}></dd>
            <dt><label for="crm-deals">An open deal's responsible wins over the contact's</label></dt>
            <dd><input id="crm-deals" name="preferOpenDeal" type="checkbox" value="true"{Checked(settings.PreferOpenDeal)}> <span class="muted">the newest open deal of the calling contact or company</span></dd>
            <dt><label for="crm-answer">The manager answers within (seconds)</label></dt>
            <dd><input id="crm-answer" name="managerAnswerSeconds" type="number" min="5" max="120" required value="{settings.ManagerAnswerTime.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}"> <span class="muted">then the line's queue</span></dd>
            <dt><label for="crm-leads">Create a lead for unknown callers</label></dt>
            <dd><input id="crm-leads" name="createLeads" type="checkbox" value="true"{Checked(settings.CreateLeads)}> <span class="muted">whoever answers becomes its responsible</span></dd>
            </dl>
            <button type="submit" id="save-crm-routing">Save</button></form>
            </section>
            """;
    }

    private static string Checked(bool on) => on ? " checked" : "";
}
