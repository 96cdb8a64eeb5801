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
public sealed partial class PortalInstaller(IGrainFactory grains, Bitrix24OAuthClient oauth, Bitrix24RestClient client, ILogger<PortalInstaller> logger)
{
    public Task<InstallResult> InstallAsync(AppInstallEvent install, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        var auth = install.Auth;
        var claim = new InstallClaim(auth.MemberId, auth.Domain, auth.RefreshToken!, auth.ApplicationToken, auth.UserId, install.Version);
        return InstallAsync(claim, eventHandlerUrl, adminOnly: false, cancellationToken);
    }

    /// <summary>
    /// The installer page's install: the frame carries the installing user's tokens and the application token
    /// (reference §3.2 frame table). Only a portal admin installs apps, so the user is checked with <c>profile</c>:
    /// a user who re-posts their own app frame here must not become the portal's app account.
    /// </summary>
    public Task<InstallResult> InstallAsync(Bitrix24FrameRequest frame, Uri eventHandlerUrl, CancellationToken cancellationToken)
    {
        if (frame.RefreshToken is not { Length: > 0 } refreshToken || frame.ApplicationToken is not { Length: > 0 } applicationToken)
        {
            LogRefused(logger, frame.MemberId, "incomplete frame", "REFRESH_ID or APPLICATION_TOKEN missing");
            return Task.FromResult(InstallResult.Refused);
        }

        var claim = new InstallClaim(frame.MemberId, frame.Domain, refreshToken, applicationToken, null, null);
        return InstallAsync(claim, eventHandlerUrl, adminOnly: true, cancellationToken);
    }

    private async Task<InstallResult> InstallAsync(InstallClaim claim, Uri eventHandlerUrl, bool adminOnly, CancellationToken cancellationToken)
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

        if ((tokens.UserId ?? claim.UserId) is not { } installer)
        {
            LogRefused(logger, claim.MemberId, "no installing user", "neither the tokens nor the request name a user_id");
            return InstallResult.Refused;
        }

        if (adminOnly && await CheckAdminAsync(tokens, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await grains.GetGrain<IPortalGrain>(claim.MemberId).InstallAsync(new PortalInstallation
        {
            Tokens = tokens,
            Domain = claim.Domain,
            ApplicationToken = claim.ApplicationToken,
            InstallerUserId = installer,
            EventHandlerUrl = eventHandlerUrl,
            AppVersion = claim.AppVersion,
        });
        return InstallResult.Installed;
    }

    private async Task<InstallResult?> CheckAdminAsync(Bitrix24TokenSet tokens, CancellationToken cancellationToken)
    {
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

        return null;
    }

    /// <summary>What an install request claims, before the OAuth server confirms it.</summary>
    private sealed record InstallClaim(string MemberId, string Domain, string RefreshToken, string ApplicationToken, long? UserId, string? AppVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Install for portal {PortalId} refused: {Reason} {Detail}")]
    private static partial void LogRefused(ILogger logger, string portalId, string reason, string detail);
}
