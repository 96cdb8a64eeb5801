using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// What an install sets up on the portal, through its dispatch (reference §3.2, §4.6, §5.7): the hub's event
/// handlers (bindings vanish on every uninstall and update, so every install binds again), the external line that
/// makes Bitrix24 send click-to-call to us, and the users with their extensions.
/// </summary>
public static class PortalInstallRequests
{
    /// <summary>The events the hub handles.</summary>
    public static readonly ImmutableArray<string> BoundEvents =
        [Bitrix24EventCodes.ExternalCallStart, Bitrix24EventCodes.ExternalCallbackStart, Bitrix24EventCodes.AppUninstall, Bitrix24EventCodes.AppUpdate];

    public static ImmutableArray<DispatchRequest> For(string installId, Uri eventHandler, PortalSettings settings, GrainId replyTo)
    {
        var requests = ImmutableArray.CreateBuilder<DispatchRequest>();
        foreach (var code in BoundEvents)
        {
            requests.Add(Background($"{installId}:bind:{code}", new BindEvent(code, eventHandler), replyTo));
        }

        requests.Add(Background($"{installId}:line", new AddExternalLine(settings.LineNumber, settings.LineName), replyTo));
        requests.Add(UserPage($"{installId}:users:0", start: null, replyTo));
        return requests.ToImmutable();
    }

    /// <summary>One page of active users with their extensions (<c>user.get</c>, 50 per page, reference §7.1).</summary>
    public static DispatchRequest UserPage(string requestId, long? start, GrainId replyTo) => Background(
        requestId,
        new GetUsers(Bitrix24Filter.Empty.Where("ACTIVE", "true"), ["ID", "ACTIVE", "NAME", "LAST_NAME", "UF_PHONE_INNER"], start),
        replyTo);

    private static DispatchRequest Background(string requestId, Bitrix24Request request, GrainId replyTo) => new()
    {
        RequestId = requestId,
        Request = request,
        Priority = DispatchPriority.Background,
        ReplyTo = replyTo,
    };
}
