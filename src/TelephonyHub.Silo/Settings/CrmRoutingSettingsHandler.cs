using System.Globalization;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Saves the CRM routing settings from the settings page. The session token is checked first; a value the portal
/// refuses comes back on the page as an error the admin can act on.
/// </summary>
public sealed partial class CrmRoutingSettingsHandler(
    IGrainFactory grains,
    SettingsSessionTokens sessions,
    SettingsPageHandler page,
    ILogger<CrmRoutingSettingsHandler> logger)
{
    public async Task<IResult> SaveAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return Html(SettingsPageRenderer.Refused("This page has expired or was not opened from Bitrix24. Reopen the app."), StatusCodes.Status403Forbidden);
        }

        try
        {
            if (!int.TryParse(form["managerAnswerSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                throw new ArgumentException("The manager's answer time is a whole number of seconds.");
            }

            var settings = new CrmRoutingSettings
            {
                Enabled = form["enabled"] == "true",
                PreferOpenDeal = form["preferOpenDeal"] == "true",
                ManagerAnswerTime = TimeSpan.FromSeconds(seconds),
                CreateLeads = form["createLeads"] == "true",
            };
            await grains.GetGrain<IPortalCrmRoutingGrain>(session.PortalId).UpdateCrmRoutingAsync(settings);
            LogSaved(logger, session.PortalId, session.UserId, settings.Enabled);
            return Html(SettingsPageRenderer.Render(await page.ViewAsync(session) with { Notice = "Saved." }));
        }
        catch (ArgumentException refused)
        {
            return Html(SettingsPageRenderer.Render(await page.ViewAsync(session) with { Notice = refused.Message, NoticeIsError = true }), StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} saved the CRM routing settings (routing on: {Enabled})")]
    private static partial void LogSaved(ILogger logger, string portalId, long userId, bool enabled);
}
