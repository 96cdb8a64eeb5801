using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Apps;

/// <summary>Installing, uninstalling and revoking apps, and issuing their tokens (reference §3.2, §4.4).</summary>
public sealed partial class AppLifecycle(
    AppCatalog apps, TokenStore tokens, EventSender sender, EventAuthBlock authBlock, TimeProvider time, ILogger<AppLifecycle> logger)
{
    /// <summary>
    /// Installs <paramref name="clientId"/> as <paramref name="userId"/> (default: the first admin) and, when
    /// <paramref name="sendEvent"/>, posts ONAPPINSTALL to the app's install handler (flow A, API-only app): the app is
    /// installed at once, whatever the handler answers. Reinstalling keeps the application_token. As on Bitrix24 only an
    /// active admin installs apps (reference §3.1; ONAPPINSTALL carries the installing admin's tokens, §4.4): any other
    /// user is refused with 403 and nothing changes.
    /// </summary>
    public async Task<InstallOutcome> InstallAsync(Portal portal, string clientId, int? userId, bool sendEvent, CancellationToken cancellationToken)
    {
        var app = Known(clientId);
        var now = time.GetUtcNow();
        var installation = portal.Update(s =>
        {
            var installer = userId is { } id
                ? s.User(id) ?? throw new EmulatorRequestException(400, $"No user {id} on {s.Domain}")
                : s.Users.Find(u => u.IsAdmin && u.Active) ?? throw new EmulatorRequestException(409, $"{s.Domain} has no active admin to install apps");
            if (installer is not { IsAdmin: true, Active: true })
            {
                throw new EmulatorRequestException(403, $"Only an active admin of {s.Domain} can install apps");
            }

            if (s.Installation(clientId) is { Revoked: false } existing)
            {
                // Flow A needs no installFinish: an installer left unfinished is finished by the install event.
                return existing.Finished ? (s, existing) : (s with { Installations = s.Installations.Replace(existing, existing with { Finished = true }) }, existing with { Finished = true });
            }

            var installed = new AppInstallation(s.LastRowId + 1, clientId, RandomNumberGenerator.GetHexString(32, lowercase: true), installer.Id, now);
            var others = s.Installations.RemoveAll(i => i.ClientId == clientId);
            return (s with { Installations = others.Add(installed), LastRowId = installed.AppId }, installed);
        });
        LogInstalled(logger, clientId, portal.Domain);
        if (!sendEvent || app.InstallHandlerUrl is null)
        {
            return new InstallOutcome(installation.AppId, installation.ApplicationToken, installation.InstalledBy, null);
        }

        var snapshot = portal.Snapshot;
        var issued = IssueTokens(portal, clientId, installation.InstalledBy);
        var fields = EventPayload.Build(
            EventCodes.AppInstall,
            0,
            [("VERSION", app.Version.ToString(CultureInfo.InvariantCulture)), ("ACTIVE", "Y"), ("INSTALLED", "Y"), ("LANGUAGE_ID", snapshot.Language)],
            now,
            authBlock.WithToken(snapshot, app, installation, issued, withRefresh: true));
        var delivery = await sender.SendAsync(portal, app.InstallHandlerUrl.AbsoluteUri, fields, cancellationToken).ConfigureAwait(false);
        return new InstallOutcome(installation.AppId, installation.ApplicationToken, installation.InstalledBy, delivery);
    }

    /// <summary>
    /// Uninstalls: tokens revoked, lines and event handlers deleted (reference §4.4, §5.7), then ONAPPUNINSTALL
    /// posted to the app's ONAPPUNINSTALL handlers, which already cannot call the API.
    /// </summary>
    public async Task<ImmutableArray<EventDelivery>> UninstallAsync(Portal portal, string clientId, bool clean, CancellationToken cancellationToken)
    {
        var (snapshot, installation, handlers) = portal.Update(s =>
        {
            var installed = s.Installation(clientId) ?? throw new EmulatorRequestException(404, $"{clientId} is not installed on {s.Domain}");
            var bound = s.EventBindings.Where(b => b.ClientId == clientId && b.Event == EventCodes.AppUninstall && !b.Offline).ToList();
            var next = s with
            {
                Installations = s.Installations.Remove(installed),
                Lines = s.Lines.RemoveAll(l => l.ClientId == clientId),
                EventBindings = s.EventBindings.RemoveAll(b => b.ClientId == clientId),
            };
            return (next, (s, installed, bound));
        });
        tokens.RevokeAll(portal.MemberId, clientId);
        LogUninstalled(logger, clientId, portal.Domain);
        var deliveries = ImmutableArray.CreateBuilder<EventDelivery>();
        foreach (var handler in handlers)
        {
            var fields = EventPayload.Build(
                EventCodes.AppUninstall,
                handler.Id,
                [("LANGUAGE_ID", snapshot.Language), ("CLEAN", clean ? "1" : "0")],
                time.GetUtcNow(),
                authBlock.ForUninstall(snapshot, installation));
            deliveries.Add(await sender.SendAsync(portal, handler.Handler, fields, cancellationToken).ConfigureAwait(false));
        }

        return deliveries.ToImmutable();
    }

    /// <summary>
    /// Starts installing <paramref name="clientId"/> from the portal's UI (reference §3.2 flow B): the app is on the
    /// portal, unfinished, until its installer page calls <c>BX24.installFinish()</c>. An app already installed is
    /// left as it is (opening the installer again re-runs the app's own install steps).
    /// </summary>
    public AppInstallation BeginUiInstall(Portal portal, string clientId, int userId)
    {
        if (Known(clientId).InstallerPageUrl is null)
        {
            throw new EmulatorRequestException(409, $"{clientId} has no installer page; it installs by flow A");
        }

        var now = time.GetUtcNow();
        var installation = portal.Update(s =>
        {
            if (s.User(userId) is not { IsAdmin: true, Active: true })
            {
                throw new EmulatorRequestException(403, $"Only an active admin of {s.Domain} can install apps");
            }

            if (s.Installation(clientId) is { Revoked: false } existing)
            {
                return (s, existing);
            }

            var started = new AppInstallation(s.LastRowId + 1, clientId, RandomNumberGenerator.GetHexString(32, lowercase: true), userId, now) { Finished = false };
            var others = s.Installations.RemoveAll(i => i.ClientId == clientId);
            return (s with { Installations = others.Add(started), LastRowId = started.AppId }, started);
        });
        LogInstallStarted(logger, clientId, portal.Domain);
        return installation;
    }

    /// <summary>What <c>BX24.installFinish()</c> does: the app counts as installed from now on (idempotent).</summary>
    public AppInstallation FinishUiInstall(Portal portal, string clientId)
    {
        var finished = portal.Update(s =>
        {
            var installed = s.Installation(clientId) is { Revoked: false } found
                ? found
                : throw new EmulatorRequestException(409, $"{clientId} is not being installed on {s.Domain}");
            return installed.Finished ? (s, installed) : (s with { Installations = s.Installations.Replace(installed, installed with { Finished = true }) }, installed with { Finished = true });
        });
        LogInstalled(logger, clientId, portal.Domain);
        return finished;
    }

    /// <summary>Issues fresh tokens of an installed app for a user (what the portal puts into a frame or an event).</summary>
    public TokenPair IssueTokens(Portal portal, string clientId, int userId)
    {
        var s = portal.Snapshot;
        if (s.Installation(clientId) is not { Revoked: false })
        {
            throw new EmulatorRequestException(409, $"{clientId} is not installed on {s.Domain}");
        }

        if (s.User(userId) is not { Active: true })
        {
            throw new EmulatorRequestException(400, $"No active user {userId} on {s.Domain}");
        }

        return tokens.Issue(portal.MemberId, clientId, userId, s.Faults.AccessTokenLifetimeSeconds);
    }

    /// <summary>Revokes the app on the portal: its tokens answer <c>invalid_token</c>, refreshes <c>invalid_grant</c>.</summary>
    public void Revoke(Portal portal, string clientId)
    {
        portal.Update(s =>
        {
            var installed = s.Installation(clientId) ?? throw new EmulatorRequestException(404, $"{clientId} is not installed on {s.Domain}");
            return s with { Installations = s.Installations.Replace(installed, installed with { Revoked = true }) };
        });
        tokens.RevokeAll(portal.MemberId, clientId);
    }

    /// <summary>The app, or a 404 for the admin API.</summary>
    public MarketApp Known(string clientId) =>
        apps.Find(clientId) ?? throw new EmulatorRequestException(404, $"Unknown app {clientId}");
}
