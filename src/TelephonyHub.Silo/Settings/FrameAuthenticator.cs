using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Checks who opened the app page inside Bitrix24 (reference §3.2). The frame request names a portal and carries the
/// user's access token; nothing in it is trusted until the portal itself — at the REST endpoint the hub stored at
/// install, not one the request names — answers <c>profile</c> for that token. Only the portal's admins get in.
/// This is an interactive check on the user's own token, so it goes straight to the portal, not through the
/// dispatch queue that holds the app's own requests.
/// </summary>
public sealed partial class FrameAuthenticator(IGrainFactory grains, Bitrix24RestClient client, ILogger<FrameAuthenticator> logger)
{
    public async Task<FrameCheck> CheckAsync(Bitrix24FrameRequest frame, CancellationToken cancellationToken)
    {
        var portal = await grains.GetGrain<IPortalGrain>(frame.MemberId).GetOverviewAsync();
        if (portal is not { Lifecycle: "Installed" or "NeedsReinstall", ClientEndpoint: { } endpoint })
        {
            LogRefused(logger, frame.MemberId, "the portal has not installed the app");
            return FrameCheck.Refused("This portal has not installed TelephonyHub.");
        }

        var profile = await client.CallAsync(new Bitrix24Connection(endpoint, frame.AccessToken), new GetProfile(), cancellationToken);
        if (!profile.IsSuccess)
        {
            LogRefused(logger, frame.MemberId, $"profile failed: {profile.Error.Kind} {profile.Error.Code}");
            return FrameCheck.Refused("Bitrix24 did not confirm who you are. Reopen the app from Bitrix24.");
        }

        if (!profile.Value.IsAdmin)
        {
            LogRefused(logger, frame.MemberId, $"user {profile.Value.Id} is not an admin");
            return FrameCheck.Refused("Only the portal's administrators can change TelephonyHub's settings.");
        }

        return FrameCheck.Admin(new SettingsSession(frame.MemberId, profile.Value.Id));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings page for portal {PortalId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string portalId, string reason);
}
