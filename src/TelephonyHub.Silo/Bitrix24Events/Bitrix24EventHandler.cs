using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>
/// Receives what Bitrix24 posts to the hub. Bitrix24 does not retry (reference §4.1), so the handler answers fast
/// and hands the work to grains. Every event except the install is checked against the portal's stored
/// <c>application_token</c> before anything else; a mismatch is refused and logged, and changes nothing. The install
/// has no stored token to match yet: <see cref="PortalInstaller"/> proves it by its tokens and its user being an admin.
/// </summary>
public sealed partial class Bitrix24EventHandler(
    IGrainFactory grains,
    PortalInstaller installer,
    IOptions<HubOptions> options,
    HubMetrics metrics,
    TimeProvider time,
    ILogger<Bitrix24EventHandler> logger)
{
    private static readonly FrozenSet<string> KnownCodes = FrozenSet.Create(StringComparer.Ordinal,
        Bitrix24EventCodes.AppInstall, Bitrix24EventCodes.AppUninstall, Bitrix24EventCodes.ExternalCallStart, Bitrix24EventCodes.ExternalCallbackStart);

    public async Task<IResult> InstallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await ParseAsync(request, cancellationToken) is not { } evt)
        {
            return Results.BadRequest("Not a Bitrix24 event.");
        }

        var install = AppInstallEvent.From(evt);
        if (!install.IsSuccess)
        {
            return Refuse(evt.Code, "invalid", StatusCodes.Status400BadRequest, install.Error.ToString());
        }

        var handler = options.Value.EventHandlerUrl(request);
        var result = await installer.InstallAsync(install.Value!, handler, cancellationToken);
        metrics.Bitrix24EventReceived(evt.Code, result.ToString());
        return result switch
        {
            InstallResult.Installed => Results.Ok("installed"),
            InstallResult.NotAdmin => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Install refused",
                detail: "Only an administrator of this portal can install TelephonyHub."),
            InstallResult.TryLater => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
            _ => Results.Unauthorized(),
        };
    }

    public async Task<IResult> EventAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await ParseAsync(request, cancellationToken) is not { } evt)
        {
            return Results.BadRequest("Not a Bitrix24 event.");
        }

        var portal = grains.GetGrain<IPortalGrain>(evt.Auth.MemberId);
        if (!await portal.VerifyApplicationTokenAsync(evt.Auth.ApplicationToken))
        {
            return Refuse(evt.Code, "forged", StatusCodes.Status401Unauthorized,
                $"application_token does not match portal {evt.Auth.MemberId} (or the portal is unknown)");
        }

        switch (evt.Code)
        {
            case Bitrix24EventCodes.AppUninstall:
                await portal.UninstallAsync(AppUninstallEvent.From(evt).Value?.Clean == true);
                break;
            case Bitrix24EventCodes.AppUpdate:
                await portal.RebindAsync();
                break;
            case Bitrix24EventCodes.ExternalCallStart or Bitrix24EventCodes.ExternalCallbackStart:
                return await DialAsync(evt);
            default:
                return Refuse(evt.Code, "unhandled", StatusCodes.Status400BadRequest, "this hub does not handle the event");
        }

        metrics.Bitrix24EventReceived(evt.Code, "handled");
        LogHandled(logger, evt.Code, evt.Auth.MemberId);
        return Results.Ok();
    }

    /// <summary>
    /// Scenario 4 and CRM callbacks: one grain call that takes the click and returns; the click grain places the call
    /// after answering, so the delivery never waits on the PBX. A repeated delivery is answered 200 and does nothing.
    /// </summary>
    private async Task<IResult> DialAsync(Bitrix24Event evt)
    {
        var dial = DialRequests.From(evt, time.GetUtcNow());
        if (!dial.IsSuccess)
        {
            return Refuse(evt.Code, "invalid", StatusCodes.Status400BadRequest, dial.Error.ToString());
        }

        var key = ClickKey.For(evt.Auth.MemberId, dial.Value.ClickId);
        var acceptance = await grains.GetGrain<IClickToCallGrain>(key).AcceptAsync(dial.Value);
        var result = acceptance == ClickAcceptance.Accepted ? "accepted" : "duplicate";
        metrics.Bitrix24EventReceived(evt.Code, result);
        LogDial(logger, evt.Code, key, result);
        return Results.Ok(result);
    }

    private async Task<Bitrix24Event?> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await FormBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            Refuse("?", "too-large", StatusCodes.Status413PayloadTooLarge, "body too large");
            return null;
        }

        var parsed = Bitrix24EventParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            Refuse("?", "invalid", StatusCodes.Status400BadRequest, parsed.Error.ToString());
            return null;
        }

        return parsed.Value;
    }

    private IResult Refuse(string eventCode, string result, int status, string reason)
    {
        // Refused events name any code a sender likes: only known codes become metric tags.
        metrics.Bitrix24EventReceived(KnownCodes.Contains(eventCode) ? eventCode : "other", result);
        LogRefused(logger, eventCode, status, reason);
        return Results.Problem(statusCode: status, title: "Bitrix24 event refused", detail: reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitrix24 event {EventCode} of portal {PortalId} handled")]
    private static partial void LogHandled(ILogger logger, string eventCode, string portalId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bitrix24 event {EventCode} for click {ClickKey}: {Result}")]
    private static partial void LogDial(ILogger logger, string eventCode, string clickKey, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitrix24 event {EventCode} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string eventCode, int status, string reason);
}
