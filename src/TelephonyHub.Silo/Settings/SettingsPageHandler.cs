using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Settings;

/// <summary>The settings page's requests: the frame opening it, and its own forms.</summary>
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

    public async Task<IResult> IssueKeyAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return Expired();
        }

        var label = form["label"].ToString().Trim();
        if (label.Length is 0 or > 80)
        {
            return Html(SettingsPageRenderer.Render(await ViewAsync(session) with { Notice = "A key needs a label of 1 to 80 characters." }), StatusCodes.Status400BadRequest);
        }

        var issued = await grains.GetGrain<IPortalGrain>(session.PortalId).IssuePbxKeyAsync(label);
        LogKeyIssued(logger, session.PortalId, session.UserId, issued.KeyId);
        return Html(SettingsPageRenderer.Render(await ViewAsync(session) with { NewKey = issued }));
    }

    public async Task<IResult> RevokeKeyAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return Expired();
        }

        var keyId = form["keyId"].ToString();
        await grains.GetGrain<IPortalGrain>(session.PortalId).RevokePbxKeyAsync(keyId);
        LogKeyRevoked(logger, session.PortalId, session.UserId, keyId);
        return Html(SettingsPageRenderer.Render(await ViewAsync(session) with { Notice = $"Key {keyId} revoked; its PBX connections were closed." }));
    }

    internal async Task<SettingsView> ViewAsync(SettingsSession session) => new(
        sessions.Issue(session),
        await grains.GetGrain<IPortalGrain>(session.PortalId).GetOverviewAsync(),
        await grains.GetGrain<IPbxLinkGrain>(session.PortalId).GetStatusAsync(),
        await grains.GetGrain<IPortalDispatchGrain>(session.PortalId).GetStatusAsync())
    {
        Queues = new QueueSettingsView(await grains.GetGrain<IPortalQueuesGrain>(session.PortalId).GetQueuesAsync(), []),
    };

    private static IResult Expired() =>
        Html(SettingsPageRenderer.Refused("This page has expired or was not opened from Bitrix24. Reopen the app."), StatusCodes.Status403Forbidden);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} issued PBX key {KeyId}")]
    private static partial void LogKeyIssued(ILogger logger, string portalId, long userId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} revoked PBX key {KeyId}")]
    private static partial void LogKeyRevoked(ILogger logger, string portalId, long userId, string keyId);
}
