using System.Globalization;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// The settings page's requests: the frame opening it, and its own forms. Every form is checked against the session
/// token first; a value the portal refuses comes back on the page as an error the admin can act on.
/// </summary>
public sealed partial class SettingsPageHandler(
    IGrainFactory grains,
    FrameAuthenticator frames,
    SettingsSessionTokens sessions,
    ILogger<SettingsPageHandler> logger)
{
    public async Task<IResult> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await FormBody.ReadAsync(request, cancellationToken);
        var frame = Bitrix24FrameRequestParser.Parse(request.QueryString.Value, body);
        if (!frame.IsSuccess)
        {
            return Html(SettingsPageRenderer.Refused($"Open TelephonyHub from inside Bitrix24 ({frame.Error})."), StatusCodes.Status400BadRequest);
        }

        var check = await frames.CheckAsync(frame.Value!, cancellationToken);
        return check.Session is { } session
            ? Html(SettingsPageRenderer.Render(await ViewAsync(session)))
            : Html(SettingsPageRenderer.Refused(check.Refusal!), StatusCodes.Status403Forbidden);
    }

    public Task<IResult> IssueKeyAsync(HttpRequest request) => WithSessionAsync(request, async (session, form) =>
    {
        var label = form["label"].ToString().Trim();
        if (label.Length is 0 or > 80)
        {
            throw new ArgumentException("A key needs a label of 1 to 80 characters.");
        }

        var issued = await Portal(session).IssuePbxKeyAsync(label);
        LogChanged(logger, session.PortalId, session.UserId, $"issued PBX key {issued.KeyId}");
        return view => view with { NewKey = issued };
    });

    public Task<IResult> RevokeKeyAsync(HttpRequest request) => WithSessionAsync(request, async (session, form) =>
    {
        var keyId = form["keyId"].ToString();
        await Portal(session).RevokePbxKeyAsync(keyId);
        LogChanged(logger, session.PortalId, session.UserId, $"revoked PBX key {keyId}");
        return view => view with { Notice = $"Key {keyId} revoked; its PBX connections were closed." };
    });

    public Task<IResult> SetExtensionAsync(HttpRequest request) => WithSessionAsync(request, async (session, form) =>
    {
        var extension = form["extension"].ToString();
        long? user = long.TryParse(form["userId"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        await Portal(session).SetExtensionOverrideAsync(extension, user);
        LogChanged(logger, session.PortalId, session.UserId, $"mapped extension {extension} to {user?.ToString(CultureInfo.InvariantCulture) ?? "the synced user"}");
        return view => view with { Notice = user is null ? $"Extension {extension} follows Bitrix24 again." : $"Extension {extension} now rings user {user}." };
    });

    public Task<IResult> UpdateCallHandlingAsync(HttpRequest request) => WithSessionAsync(request, async (session, form) =>
    {
        if (!int.TryParse(form["recordingWaitMinutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            throw new ArgumentException("The recording wait is a whole number of minutes.");
        }

        await Portal(session).UpdateCallHandlingAsync(new CallHandlingSettings
        {
            PhoneRegion = form["phoneRegion"].ToString(),
            AddToChat = form["addToChat"] == "true",
            RecordingMaxWait = TimeSpan.FromMinutes(minutes),
            FallbackUserId = long.TryParse(form["fallbackUserId"], NumberStyles.None, CultureInfo.InvariantCulture, out var fallback) ? fallback : null,
            PortalFetchesRecordingUrls = form["portalFetchesRecordingUrls"] == "true",
        });
        LogChanged(logger, session.PortalId, session.UserId, "updated the call record settings");
        return view => view with { Notice = "Saved." };
    });

    /// <summary>Checks the session, applies the change, and shows the page again (with the refusal, if any).</summary>
    private async Task<IResult> WithSessionAsync(HttpRequest request, Func<SettingsSession, IFormCollection, Task<Func<SettingsView, SettingsView>>> change)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return Html(SettingsPageRenderer.Refused("This page has expired or was not opened from Bitrix24. Reopen the app."), StatusCodes.Status403Forbidden);
        }

        try
        {
            var decorate = await change(session, form);
            return Html(SettingsPageRenderer.Render(decorate(await ViewAsync(session))));
        }
        catch (ArgumentException refused)
        {
            return Html(SettingsPageRenderer.Render(await ViewAsync(session) with { Notice = refused.Message, NoticeIsError = true }), StatusCodes.Status400BadRequest);
        }
    }

    private IPortalGrain Portal(SettingsSession session) => grains.GetGrain<IPortalGrain>(session.PortalId);

    internal async Task<SettingsView> ViewAsync(SettingsSession session) => new(
        sessions.Issue(session),
        await Portal(session).GetOverviewAsync(),
        await grains.GetGrain<IPbxLinkGrain>(session.PortalId).GetStatusAsync(),
        await grains.GetGrain<IPortalDispatchGrain>(session.PortalId).GetStatusAsync(),
        await grains.GetGrain<IRecentCallsGrain>(session.PortalId).GetAsync())
    {
        Queues = new QueueSettingsView(await grains.GetGrain<IPortalQueuesGrain>(session.PortalId).GetQueuesAsync(), []),
    };

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} {Change}")]
    private static partial void LogChanged(ILogger logger, string portalId, long userId, string change);
}
