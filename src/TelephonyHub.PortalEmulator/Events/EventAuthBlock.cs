using System.Globalization;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Events;

/// <summary>The <c>auth[...]</c> block of events (reference §4.2), in the order of the observed payload in §4.1.</summary>
public sealed class EventAuthBlock(EmulatorAddress address)
{
    /// <summary>
    /// A block carrying a user's one-off tokens (<c>expires</c> and <c>user_id</c> included, as observed);
    /// <paramref name="withRefresh"/> adds <c>refresh_token</c> (ONAPPINSTALL).
    /// </summary>
    public IEnumerable<(string, string)> WithToken(PortalSnapshot portal, MarketApp app, AppInstallation installation, TokenPair tokens, bool withRefresh)
    {
        yield return ("access_token", tokens.AccessToken);
        yield return ("expires", tokens.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        yield return ("expires_in", tokens.ExpiresIn.ToString(CultureInfo.InvariantCulture));
        if (withRefresh)
        {
            yield return ("refresh_token", tokens.RefreshToken);
        }

        foreach (var field in Common(portal, app))
        {
            yield return field;
        }

        yield return ("user_id", tokens.UserId.ToString(CultureInfo.InvariantCulture));
        yield return ("application_token", installation.ApplicationToken);
    }

    /// <summary>A block without tokens: the event had no user behind it (robot, visitor form; reference §4.2).</summary>
    public IEnumerable<(string, string)> WithoutToken(PortalSnapshot portal, MarketApp app, AppInstallation installation) =>
        [.. Common(portal, app), ("application_token", installation.ApplicationToken)];

    /// <summary>ONAPPUNINSTALL's block: domain, endpoints, member_id, application_token only (reference §4.4).</summary>
    public IEnumerable<(string, string)> ForUninstall(PortalSnapshot portal, AppInstallation installation) =>
    [
        ("domain", portal.Domain),
        ("server_endpoint", address.ServerEndpoint),
        ("client_endpoint", address.ClientEndpoint(portal.Domain)),
        ("member_id", portal.MemberId),
        ("application_token", installation.ApplicationToken),
    ];

    private IEnumerable<(string, string)> Common(PortalSnapshot portal, MarketApp app) =>
    [
        // Comma-separated, as observed, though the ONAPPINSTALL doc says spaces (open question 7).
        ("scope", string.Join(',', app.Scopes)),
        ("domain", portal.Domain),
        ("server_endpoint", address.ServerEndpoint),
        ("status", app.Status),
        ("client_endpoint", address.ClientEndpoint(portal.Domain)),
        ("member_id", portal.MemberId),
    ];
}
