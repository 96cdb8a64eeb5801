using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>
/// Turns an install into a portal: an ONAPPINSTALL (reference §3.2 flow A) or the installer page opened in the admin's
/// frame (flow B). The request itself proves nothing — anyone can post one naming any <c>member_id</c> — so the hub
/// first redeems its refresh token at the OAuth server it is configured with (never one named by the request): only a
/// genuine install of our app yields tokens, and the OAuth server's answer, not the request, says which portal they
/// belong to and where its REST API lives (reference §4.3).
/// </summary>
/// <remarks>
/// Genuine tokens are not enough: every user who opens the app gets a refresh token of their own in the app frame
/// (reference §3.2 frame table). Only a portal admin installs apps and ONAPPINSTALL carries the installing admin's
/// tokens (reference §3.1, §4.4), so in both flows the portal is asked with <c>profile</c> whether the tokens' user is
/// an admin. Without that check any user could post an install of their own and replace the portal's tokens, its
/// application token (every genuine event refused from then on) and the fallback owner of calls.
/// </remarks>
public sealed partial class PortalInstaller(IGrainFactory grains, Bitrix24OAuthClient oauth, Bitrix24RestClient client, ILogger<PortalInstaller> logger)
{
    public Task<InstallResult> InstallAsync(AppInstallEvent install, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        var auth = install.Auth;
        var claim = new InstallClaim(auth.MemberId, auth.Domain, auth.RefreshToken!, auth.ApplicationToken, install.Version);
        return InstallAsync(claim, eventHandlerUrl, cancellationToken);
    }

    /// <summary>The installer page's install: the frame carries the installing user's tokens and the application token.</summary>
    public Task<InstallResult> InstallAsync(Bitrix24FrameRequest frame, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        if (frame.RefreshToken is not { Length: > 0 } refreshToken || frame.ApplicationToken is not { Length: > 0 } applicationToken)
        {
            LogRefused(logger, frame.MemberId, "incomplete frame", "REFRESH_ID or APPLICATION_TOKEN missing");
            return Task.FromResult(InstallResult.Refused);
        }

        var claim = new InstallClaim(frame.MemberId, frame.Domain, refreshToken, applicationToken, null);
        return InstallAsync(claim, eventHandlerUrl, cancellationToken);
    }

    private async Task<InstallResult> InstallAsync(InstallClaim claim, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        var outcome = await oauth.RefreshAsync(claim.RefreshToken, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogRefused(logger, claim.MemberId, outcome.Error.Kind.ToString(), outcome.Error.Code);
            return outcome.Error.Kind == Bitrix24OAuthErrorKind.Transient ? InstallResult.TryLater : InstallResult.Refused;
        }

        var tokens = outcome.Tokens;
        if (!string.Equals(tokens.MemberId, claim.MemberId, StringComparison.Ordinal))
        {
            LogRefused(logger, claim.MemberId, "member_id mismatch", tokens.MemberId);
            return InstallResult.Refused;
        }

        var profile = await client.CallAsync(new Bitrix24Connection(tokens.ClientEndpoint, tokens.AccessToken), new GetProfile(), cancellationToken);
        if (!profile.IsSuccess)
        {
            LogRefused(logger, tokens.MemberId, $"profile failed: {profile.Error.Kind}", profile.Error.Code);
            return profile.Error.Kind == Bitrix24ErrorKind.Transient ? InstallResult.TryLater : InstallResult.Refused;
        }

        if (!profile.Value.IsAdmin)
        {
            LogRefused(logger, tokens.MemberId, "not an admin", $"user {profile.Value.Id}");
            return InstallResult.NotAdmin;
        }

        // The installer is the user the portal vouched for, not the auth[user_id] the request names.
        await grains.GetGrain<IPortalGrain>(claim.MemberId).InstallAsync(new PortalInstallation
        {
            Tokens = tokens,
            Domain = claim.Domain,
            ApplicationToken = claim.ApplicationToken,
            InstallerUserId = profile.Value.Id,
            EventHandlerUrl = eventHandlerUrl,
            AppVersion = claim.AppVersion,
        });
        return InstallResult.Installed;
    }

    /// <summary>What an install request claims, before the OAuth server and the portal confirm it.</summary>
    private sealed record InstallClaim(string MemberId, string Domain, string RefreshToken, string ApplicationToken, string? AppVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Install for portal {PortalId} refused: {Reason} {Detail}")]
    private static partial void LogRefused(ILogger logger, string portalId, string reason, string detail);
}
