using System.Globalization;
using System.Net;
using TelephonyHub.Silo.Settings;

namespace TelephonyHub.Testing.World;

/// <summary>Sets a portal's CRM routing the way its admin does: the "Known callers" form of the settings page.</summary>
public static class CrmRoutingSettingsClient
{
    /// <summary>Saves the settings and fails the test with the page's answer when they are refused.</summary>
    public static async Task ConfigureCrmRoutingAsync(
        this TelephonyWorld world, TestPortal portal, bool enabled = true, bool preferOpenDeal = false, int managerAnswerSeconds = 20, bool createLeads = false)
    {
        var (status, html) = await world.SubmitCrmRoutingAsync(portal, enabled, preferOpenDeal, managerAnswerSeconds.ToString(CultureInfo.InvariantCulture), createLeads);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The hub refused the CRM routing settings ({(int)status}):{Environment.NewLine}{html}");
        }
    }

    /// <summary>Posts the form as the portal's admin: the status and the page the hub answers with.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> SubmitCrmRoutingAsync(
        this TelephonyWorld world, TestPortal portal, bool enabled, bool preferOpenDeal, string managerAnswerSeconds, bool createLeads)
    {
        var (_, page) = await world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        var fields = new List<(string, string)> { ("managerAnswerSeconds", managerAnswerSeconds) };
        if (enabled)
        {
            fields.Add(("enabled", "true"));
        }

        if (preferOpenDeal)
        {
            fields.Add(("preferOpenDeal", "true"));
        }

        if (createLeads)
        {
            fields.Add(("createLeads", "true"));
        }

        return await world.SettingsPage.SubmitAsync(page, CrmRoutingSettingsEndpoints.SavePath, [.. fields]);
    }
}
