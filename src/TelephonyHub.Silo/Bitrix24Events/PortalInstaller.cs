using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.OAuth;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>
/// Turns an ONAPPINSTALL into a portal. The request itself proves nothing — anyone can post one naming any
/// <c>member_id</c> — so the hub first redeems the event's refresh token at the OAuth server it is configured
/// with (never one named by the request): only a genuine install of our app yields tokens, and the OAuth server's
/// answer, not the request, says which portal they belong to and where its REST API lives (reference §4.3).
/// </summary>
public sealed partial class PortalInstaller(IGrainFactory grains, Bitrix24OAuthClient oauth, ILogger<PortalInstaller> logger)
{
    public async Task<InstallResult> InstallAsync(AppInstallEvent install, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        var auth = install.Auth;
        var outcome = await oauth.RefreshAsync(auth.RefreshToken!, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogRefused(logger, auth.MemberId, outcome.Error.Kind.ToString(), outcome.Error.Code);
            return outcome.Error.Kind == Bitrix24OAuthErrorKind.Transient ? InstallResult.TryLater : InstallResult.Refused;
        }

        if (!string.Equals(outcome.Tokens.MemberId, auth.MemberId, StringComparison.Ordinal))
        {
            LogRefused(logger, auth.MemberId, "member_id mismatch", outcome.Tokens.MemberId);
            return InstallResult.Refused;
        }

        if ((outcome.Tokens.UserId ?? auth.UserId) is not { } installer)
        {
            LogRefused(logger, auth.MemberId, "no installing user", "neither the tokens nor the event name a user_id");
            return InstallResult.Refused;
        }

        await grains.GetGrain<IPortalGrain>(auth.MemberId).InstallAsync(new PortalInstallation
        {
            Tokens = outcome.Tokens,
            Domain = auth.Domain,
            ApplicationToken = auth.ApplicationToken,
            InstallerUserId = installer,
            EventHandlerUrl = eventHandlerUrl,
            AppVersion = install.Version,
        });
        return InstallResult.Installed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Install for portal {PortalId} refused: {Reason} {Detail}")]
    private static partial void LogRefused(ILogger logger, string portalId, string reason, string detail);
}
